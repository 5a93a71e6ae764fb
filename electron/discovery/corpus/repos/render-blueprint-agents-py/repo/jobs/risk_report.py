"""Monday risk report: an OpenAI Agents SDK agent that drafts and emails the week's summary."""
import os
import smtplib
from email.message import EmailMessage

from agents import Agent, Runner, function_tool


@function_tool
def email_risk_team(subject: str, body: str) -> str:
    """Email the report to the risk team."""
    message = EmailMessage()
    message["Subject"], message["From"], message["To"] = subject, "reports@northwind.example", "risk@northwind.example"
    message.set_content(body)
    with smtplib.SMTP(os.environ["REPORT_SMTP_HOST"], 587) as smtp:
        smtp.send_message(message)
    return "sent"


reporter = Agent(name="Risk reporter", instructions="Draft last week's risk summary and email it.", model="gpt-4.1", tools=[email_risk_team])


if __name__ == "__main__":
    Runner.run_sync(reporter, "Write this week's report.")
