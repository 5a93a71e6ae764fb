"""Weekly clean-up of abandoned applications. A Flow for its step retries; it calls no model."""
from datetime import datetime, timedelta, timezone

from crewai.flow.flow import Flow, listen, start

from onboarding.db import connect


class CleanupFlow(Flow):
    @start()
    def find_abandoned(self):
        cutoff = datetime.now(timezone.utc) - timedelta(days=60)
        with connect() as conn:
            self.state["ids"] = [row[0] for row in conn.execute("SELECT id FROM applications WHERE status = 'draft' AND updated_at < %s", (cutoff,))]

    @listen(find_abandoned)
    def delete_them(self):
        with connect() as conn:
            conn.execute("DELETE FROM applications WHERE id = ANY(%s)", (self.state["ids"],))


def kickoff():
    CleanupFlow().kickoff()
