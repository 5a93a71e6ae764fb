"""Drafts the week's payment reminders for overdue invoices and mails them to each customer's billing contact."""
import os
import smtplib
from email.message import EmailMessage

import psycopg
from openai import OpenAI

client = OpenAI()


def main() -> None:
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        overdue = conn.execute(
            "SELECT c.billing_email, i.number, i.amount_cents, i.due_on FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.paid_at IS NULL AND i.due_on < now()"
        ).fetchall()
    with smtplib.SMTP(os.environ["SMTP_HOST"], 587) as smtp:
        smtp.starttls()
        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
        for email, number, amount_cents, due_on in overdue:
            text = client.chat.completions.create(
                model="gpt-4.1-mini",
                messages=[{"role": "user", "content": f"Write a short, polite reminder that invoice {number} for {amount_cents / 100:.2f} EUR was due on {due_on:%d %B}."}],
            ).choices[0].message.content
            message = EmailMessage()
            message["Subject"] = f"Reminder: invoice {number}"
            message["From"] = "billing@northwind-pay.example"
            message["To"] = email
            message.set_content(text or "")
            smtp.send_message(message)
