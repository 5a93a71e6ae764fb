import os
import smtplib
from email.message import EmailMessage

from crewai import Agent, Crew, Process, Task
from crewai.tools import tool


@tool("send_merchant_email")
def send_merchant_email(to: str, subject: str, body: str) -> str:
    """Email the merchant about a service dispute."""
    message = EmailMessage()
    message["From"] = "disputes@northwind-pay.example"
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    with smtplib.SMTP_SSL("smtp.northwind-pay.example", 465) as smtp:
        smtp.login("disputes@northwind-pay.example", os.environ["SMTP_PASSWORD"])
        smtp.send_message(message)
    return "sent"


def service_reply_crew() -> Crew:
    writer = Agent(
        role="Service reply writer",
        goal="Explain to the merchant what the customer disputes and what evidence helps",
        backstory="You write clear, short emails to merchants.",
        tools=[send_merchant_email],
        llm="gpt-4o-mini",
    )
    lead = Agent(
        role="Service desk lead",
        goal="Make sure every service dispute gets a correct reply",
        backstory="You lead the service dispute desk and check every reply before it goes out.",
        allow_delegation=True,
        llm="gpt-4o",
    )
    reply = Task(description="Reply to the merchant about {dispute}.", expected_output="The email sent.")
    return Crew(agents=[writer], tasks=[reply], process=Process.hierarchical, manager_agent=lead)
