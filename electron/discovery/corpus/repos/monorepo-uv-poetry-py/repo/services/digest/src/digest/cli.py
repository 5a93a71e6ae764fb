import argparse
import os
import smtplib
from email.message import EmailMessage

import httpx
from openai import OpenAI


def main() -> None:
    parser = argparse.ArgumentParser(description="Emails the desk leads a digest of the week's tickets.")
    parser.add_argument("--since", default="7d")
    args = parser.parse_args()
    stats = httpx.get(f"https://desk.internal.northwind-pay.example/stats?since={args.since}", headers={"authorization": f"Bearer {os.environ['DESK_API_TOKEN']}"}).json()
    digest = OpenAI().chat.completions.create(
        model="gpt-4.1-mini",
        messages=[{"role": "user", "content": f"Write a short digest of this week's support desk for the leads: {stats}"}],
    )
    message = EmailMessage()
    message["Subject"] = "Support desk digest"
    message["From"] = "desk-bot@northwind-pay.example"
    message["To"] = "desk-leads@northwind-pay.example"
    message.set_content(digest.choices[0].message.content)
    with smtplib.SMTP(os.environ["SMTP_HOST"], 587) as smtp:
        smtp.starttls()
        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
        smtp.send_message(message)
