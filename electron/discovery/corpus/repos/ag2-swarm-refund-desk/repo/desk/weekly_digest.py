"""Weekly refund digest: a collector and a writer in two sequential chats."""
import os

import psycopg
from autogen import AssistantAgent, UserProxyAgent, register_function

from desk.settings import LLM_CONFIG


def refunds_last_week() -> str:
    """Refunds issued in the last seven days."""
    with psycopg.connect(os.environ["PAYMENTS_DATABASE_URL"]) as conn:
        rows = conn.execute("SELECT merchant_id, count(*), sum(amount_minor) FROM refunds WHERE created_at > now() - interval '7 days' GROUP BY merchant_id").fetchall()
    return "\n".join(",".join(str(v) for v in row) for row in rows)


collector = AssistantAgent("refund_collector", system_message="Collect last week's refunds with your tool.", llm_config=LLM_CONFIG)
writer = AssistantAgent("digest_writer", system_message="Write the weekly refund digest for the risk team.", llm_config=LLM_CONFIG)
ops = UserProxyAgent("ops", human_input_mode="NEVER", code_execution_config=False)

register_function(refunds_last_week, caller=collector, executor=ops, description="Refunds of the last seven days by merchant.")

if __name__ == "__main__":
    results = ops.initiate_chats(
        [
            {"recipient": collector, "message": "Collect last week's refunds.", "summary_method": "last_msg", "max_turns": 2},
            {"recipient": writer, "message": "Write the digest.", "summary_method": "last_msg", "max_turns": 1},
        ]
    )
    print(results[-1].summary)
