import os
import smtplib
from email.message import EmailMessage

from autogen_core.tools import FunctionTool


def email_merchant(to: str, subject: str, body: str) -> str:
    """Email a merchant about their chargeback."""
    message = EmailMessage()
    message["From"] = "chargebacks@northwind-pay.example"
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    with smtplib.SMTP(os.environ["SMTP_HOST"], 587) as smtp:
        smtp.starttls()
        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
        smtp.send_message(message)
    return "sent"


email_merchant_tool = FunctionTool(email_merchant, description="Email a merchant.")
