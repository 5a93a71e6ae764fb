"""Asks the dispute agent kept on our Letta server for the weekly digest and mails it to the desk."""

import os
import smtplib
from email.message import EmailMessage

from letta_client import Letta

client = Letta(base_url=os.environ["LETTA_BASE_URL"], token=os.environ["LETTA_TOKEN"])


def weekly_digest() -> str:
    response = client.agents.messages.create(
        agent_id=os.environ["LETTA_DISPUTE_AGENT_ID"],
        messages=[{"role": "user", "content": "Write this week's dispute digest for the desk: volumes, oldest open, notable reasons."}],
    )
    return "\n".join(m.content for m in response.messages if m.message_type == "assistant_message")


def mail(body: str) -> None:
    message = EmailMessage()
    message["Subject"] = "Weekly dispute digest"
    message["From"] = "disputes-bot@northwind-pay.example"
    message["To"] = "dispute-desk@northwind-pay.example"
    message.set_content(body)
    with smtplib.SMTP(os.environ["SMTP_HOST"], 587) as smtp:
        smtp.starttls()
        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
        smtp.send_message(message)


if __name__ == "__main__":
    mail(weekly_digest())
