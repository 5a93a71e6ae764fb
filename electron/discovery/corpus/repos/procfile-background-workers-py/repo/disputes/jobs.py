"""arq jobs the web app enqueues: a merchant letter drafted and mailed for each lost dispute."""
import os
import smtplib
from email.message import EmailMessage

from arq.connections import RedisSettings
from openai import AsyncOpenAI

llm = AsyncOpenAI()


async def mail_merchant_letter(ctx, merchant_email: str, dispute_summary: str) -> None:
    reply = await llm.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Write a short, polite letter to a merchant explaining a lost chargeback."},
            {"role": "user", "content": dispute_summary},
        ],
    )
    letter = EmailMessage()
    letter["From"] = "disputes@northwind-pay.example"
    letter["To"] = merchant_email
    letter["Subject"] = "Your chargeback outcome"
    letter.set_content(reply.choices[0].message.content or "")
    with smtplib.SMTP(os.environ["SMTP_HOST"], 587) as smtp:
        smtp.starttls()
        smtp.send_message(letter)


class WorkerSettings:
    functions = [mail_merchant_letter]
    redis_settings = RedisSettings.from_dsn(os.environ.get("REDIS_URL", "redis://localhost:6379"))
