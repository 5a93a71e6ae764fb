import httpx

# The disputes channel's incoming webhook.
DISPUTES_WEBHOOK = "https://hooks.slack.com/services/T0NWPAY/B0DISPUTES/placeholder"


async def post_to_slack(text: str) -> None:
    async with httpx.AsyncClient(timeout=5) as client:
        response = await client.post(DISPUTES_WEBHOOK, json={"text": text})
        response.raise_for_status()
