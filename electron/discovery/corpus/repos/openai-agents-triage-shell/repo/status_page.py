"""Heroku web process: a status page for the triage worker, no model calls."""
import os

import redis
from fastapi import FastAPI

app = FastAPI(title="merchant-support-triage status")
queue = redis.Redis.from_url(os.environ["REDIS_URL"])


@app.get("/")
def status() -> dict:
    return {
        "pending": queue.xlen("merchant-support:inbound"),
        "last_processed": (queue.get("merchant-support:last-id") or b"").decode(),
    }
