"""Incident digest service: App Engine cron calls /tasks/digest every morning."""
import os

import psycopg
from flask import Flask, abort, request
from google import genai
from slack_sdk import WebClient

app = Flask(__name__)
gemini = genai.Client()
slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"])


def open_incidents() -> list[tuple]:
    with psycopg.connect(os.environ["INCIDENTS_DSN"]) as conn, conn.cursor() as cur:
        cur.execute("SELECT id, title, severity, opened_at FROM incidents WHERE resolved_at IS NULL ORDER BY severity")
        return cur.fetchall()


@app.get("/tasks/digest")
def digest():
    # App Engine strips this header from outside requests: only its cron service sets it.
    if request.headers.get("X-Appengine-Cron") != "true":
        abort(403)
    incidents = open_incidents()
    listing = "\n".join(f"#{i} [{sev}] {title} (open since {opened:%d %b})" for i, title, sev, opened in incidents)
    summary = gemini.models.generate_content(
        model=os.environ.get("GEMINI_MODEL", "gemini-2.5-flash"),
        contents=f"Write a short on-call digest of these open incidents, most severe first:\n{listing}",
    )
    slack.chat_postMessage(channel=os.environ["DIGEST_CHANNEL"], text=summary.text)
    return {"incidents": len(incidents)}


@app.get("/healthz")
def health():
    return "ok"
