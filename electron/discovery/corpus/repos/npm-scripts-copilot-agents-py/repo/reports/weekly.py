"""Monday's receivables report: last week's payments summarised and mailed to finance."""
import os
import smtplib
from email.message import EmailMessage

import httpx
from openai import OpenAI

client = OpenAI()
payments = httpx.get("https://billing.internal.northwind-pay.example/payments?since=7d", headers={"authorization": f"Bearer {os.environ['BILLING_TOKEN']}"}).json()

summary = client.chat.completions.create(
    model="gpt-4.1-mini",
    messages=[
        {"role": "system", "content": "Summarise last week's payments for the finance team: totals, late payers, anything unusual."},
        {"role": "user", "content": str(payments)},
    ],
).choices[0].message.content

message = EmailMessage()
message["Subject"] = "Weekly receivables"
message["From"] = "reports@northwind-pay.example"
message["To"] = "finance@northwind-pay.example"
message.set_content(summary or "No summary this week.")
with smtplib.SMTP(os.environ["SMTP_HOST"], 587) as smtp:
    smtp.starttls()
    smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
    smtp.send_message(message)
