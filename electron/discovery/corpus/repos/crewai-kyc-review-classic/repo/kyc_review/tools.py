import os

import psycopg
from crewai_tools import tool
from slack_sdk import WebClient


@tool("Read KYC record")
def read_kyc_record(merchant_id: str) -> str:
    """Read the registration details and document checks on file for a merchant."""
    with psycopg.connect(os.environ["ONBOARDING_DATABASE_URL"]) as conn:
        row = conn.execute(
            "select legal_name, registration_number, registered_address, document_checks from merchant_kyc where merchant_id = %s",
            (merchant_id,),
        ).fetchone()
    return repr(row)


@tool("Post to compliance channel")
def post_to_compliance(summary: str) -> str:
    """Post a review summary to the compliance team's Slack channel."""
    WebClient(token=os.environ["SLACK_BOT_TOKEN"]).chat_postMessage(channel="#kyc-reviews", text=summary)
    return "posted"
