"""Statement reconciliation: list the imported bank statement lines, then reconcile them against the ledger."""
import psycopg
from google.adk.agents import LlmAgent, SequentialAgent


def load_statement_lines(statement_id: str) -> list[tuple]:
    """Load the lines of an imported bank statement."""
    with psycopg.connect() as conn:
        return conn.execute("SELECT line_no, amount_cents, reference FROM statement_lines WHERE statement_id = %s", (statement_id,)).fetchall()


def mark_reconciled(entry_id: str) -> str:
    """Mark a ledger entry reconciled."""
    with psycopg.connect() as conn:
        conn.execute("UPDATE ledger_entries SET reconciled = true WHERE id = %s", (entry_id,))
    return "ok"


extractor = LlmAgent(
    name="statement_extractor",
    model="gemini-2.5-flash",
    instruction="Load the statement lines and list each as JSON.",
    tools=[load_statement_lines],
    output_key="statement_lines",
)

reconciler = LlmAgent(
    name="ledger_reconciler",
    model="gemini-2.5-pro",
    instruction="Match {statement_lines} to ledger entries and mark each match reconciled.",
    tools=[mark_reconciled],
)

root_agent = SequentialAgent(name="statement_pipeline", sub_agents=[extractor, reconciler])
