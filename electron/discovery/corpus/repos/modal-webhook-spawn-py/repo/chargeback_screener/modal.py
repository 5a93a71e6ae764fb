"""The Modal app: the webhook server, the screening function it spawns, and the morning digest."""
from typing import Any

import modal

image = modal.Image.debian_slim(python_version="3.12").pip_install("pydantic-ai-slim[anthropic]", "fastapi[standard]", "httpx", "psycopg[binary]")
app = modal.App(
    name="chargeback-screener",
    image=image,
    secrets=[modal.Secret.from_name("anthropic"), modal.Secret.from_name("ledger-db"), modal.Secret.from_name("slack-webhook")],
)


@app.function(min_containers=1)
@modal.asgi_app()
def web_app():
    from .app import app as fastapi_app

    return fastapi_app


@app.function(timeout=300)
async def screen_dispute(dispute: dict[str, Any]):
    from .functions import screen_and_report

    await screen_and_report(dispute)


@app.function(schedule=modal.Cron("0 7 * * 1-5"))
async def send_morning_digest():
    from .functions import send_digest

    await send_digest()
