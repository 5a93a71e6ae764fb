"""Nightly settlement reconciliation, written as a CrewAI Flow for its retries and plotting; no model is involved."""
import csv
import os
from pathlib import Path

import psycopg
from crewai.flow.flow import Flow, listen, start
from pydantic import BaseModel


class ReconState(BaseModel):
    mismatches: list[tuple[str, int, int]] = []


class ReconciliationFlow(Flow[ReconState]):
    @start()
    def compare(self):
        with psycopg.connect(os.environ["DISPUTES_DATABASE_URL"]) as conn:
            self.state.mismatches = conn.execute(
                "SELECT s.batch_id, s.amount_minor, l.amount_minor FROM settlements s JOIN ledger_totals l USING (batch_id) WHERE s.amount_minor <> l.amount_minor"
            ).fetchall()

    @listen(compare)
    def write_report(self):
        with Path("/tmp/recon.csv").open("w", newline="") as file:
            csv.writer(file).writerows(self.state.mismatches)


def kickoff():
    ReconciliationFlow().kickoff()


if __name__ == "__main__":
    kickoff()
