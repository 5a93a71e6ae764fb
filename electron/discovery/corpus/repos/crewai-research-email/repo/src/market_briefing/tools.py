import os
import smtplib
from email.message import EmailMessage

import requests
from crewai.tools import BaseTool
from pydantic import BaseModel, Field


class FetchPageInput(BaseModel):
    url: str = Field(..., description="Absolute URL of the article to read")


class FetchPageTool(BaseTool):
    name: str = "fetch_page"
    description: str = "Download an article and return its text (first 20,000 characters)."
    args_schema: type[BaseModel] = FetchPageInput

    def _run(self, url: str) -> str:
        response = requests.get(url, timeout=20, headers={"User-Agent": "northwind-market-briefing/0.6"})
        response.raise_for_status()
        return response.text[:20_000]


class SendBriefingInput(BaseModel):
    subject: str = Field(..., max_length=120)
    html_body: str


class SendBriefingEmailTool(BaseTool):
    name: str = "send_briefing_email"
    description: str = "Email the finished briefing to the treasury desk distribution list."
    args_schema: type[BaseModel] = SendBriefingInput

    def _run(self, subject: str, html_body: str) -> str:
        message = EmailMessage()
        message["From"] = "briefing-bot@northwind-pay.example"
        message["To"] = os.environ["BRIEFING_RECIPIENTS"]
        message["Subject"] = subject
        message.set_content("This briefing needs an HTML mail client.")
        message.add_alternative(html_body, subtype="html")
        with smtplib.SMTP_SSL(os.environ["SMTP_HOST"], 465) as smtp:
            smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
            smtp.send_message(message)
        return f"Sent '{subject}'"
