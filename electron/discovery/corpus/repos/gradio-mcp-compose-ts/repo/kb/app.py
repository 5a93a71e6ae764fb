"""Northwind's policy knowledge base: a Gradio search page whose endpoints are MCP tools."""

import os
import smtplib
from email.message import EmailMessage

import gradio as gr
import psycopg


def search_policies(query: str) -> list[dict]:
    """Policy passages matching the query, best first.

    Args:
        query: Words to look for, e.g. "chargeback window".
    """
    with psycopg.connect(os.environ["KB_DATABASE_URL"]) as conn:
        rows = conn.execute("SELECT title, body FROM policies WHERE search @@ plainto_tsquery(%s) LIMIT 5", (query,)).fetchall()
    return [{"title": title, "body": body} for title, body in rows]


def email_policy(to: str, title: str) -> str:
    """Email a policy to a merchant.

    Args:
        to: The merchant's email address.
        title: The policy's title.
    """
    message = EmailMessage()
    message["Subject"] = f"Northwind Pay policy: {title}"
    message["From"] = "policies@northwind-pay.example"
    message["To"] = to
    message.set_content(f"The policy '{title}' is attached to your merchant dashboard.")
    with smtplib.SMTP(os.environ["SMTP_HOST"], 587) as smtp:
        smtp.send_message(message)
    return "sent"


with gr.Blocks(title="Policy KB") as demo:
    query = gr.Textbox(label="Search")
    results = gr.JSON()
    query.submit(search_policies, inputs=query, outputs=results)
    gr.api(email_policy)

demo.launch(server_name="0.0.0.0", mcp_server=True)
