"""Zendesk webhook: a new ticket in the Disputes group becomes one job on the agent's queue."""
import hashlib
import hmac
import json
import os

import redis
from fastapi import FastAPI, Header, HTTPException, Request

app = FastAPI(title="disputes-hooks")
queue = redis.Redis.from_url(os.environ["REDIS_URL"])
QUEUE = "disputes:incoming"


@app.post("/hooks/disputes")
async def ticket_created(request: Request, x_zendesk_webhook_signature: str = Header(...)) -> dict:
    body = await request.body()
    expected = hmac.new(os.environ["ZENDESK_WEBHOOK_SECRET"].encode(), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, x_zendesk_webhook_signature):
        raise HTTPException(status_code=401, detail="bad signature")
    event = json.loads(body)
    queue.lpush(QUEUE, json.dumps({"ticket_id": event["ticket"]["id"], "dispute_id": event["ticket"]["external_id"]}))
    return {"queued": True}


@app.get("/healthz")
def healthz() -> dict:
    return {"ok": True}
