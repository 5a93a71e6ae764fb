"""Stripe calls this when a dispute opens; the screening runs in its own Modal function."""
from typing import Any

from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.post("/stripe/webhook")
async def stripe_webhook(event: dict[str, Any]) -> dict[str, str]:
    if event.get("type") != "charge.dispute.created":
        raise HTTPException(status_code=422, detail="unexpected event")
    from .modal import screen_dispute

    screen_dispute.spawn(event["data"]["object"])
    return {"status": "queued"}
