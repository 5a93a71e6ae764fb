"""On-demand sanctions screening of one application, started by the onboarding API."""
from crewai import LLM
from crewai.flow.flow import Flow, listen, router, start
from pydantic import BaseModel

from onboarding.db import connect


class ScreeningState(BaseModel):
    application_id: str = ""
    owners: list[str] = []
    verdict: str = ""


class ScreeningFlow(Flow[ScreeningState]):
    @start()
    def load_owners(self):
        with connect() as conn:
            self.state.owners = [row[0] for row in conn.execute("SELECT full_name FROM beneficial_owners WHERE application_id = %s", (self.state.application_id,))]

    @router(load_owners)
    def screen(self):
        llm = LLM(model="anthropic/claude-3-5-haiku-latest", temperature=0)
        self.state.verdict = llm.call(f"Do any of these names need manual sanctions review? Answer 'review' or 'clear'.\n{self.state.owners}")
        return "review" if "review" in self.state.verdict.lower() else "clear"

    @listen("review")
    def hold(self):
        with connect() as conn:
            conn.execute("UPDATE applications SET status = 'sanctions_review' WHERE id = %s", (self.state.application_id,))
