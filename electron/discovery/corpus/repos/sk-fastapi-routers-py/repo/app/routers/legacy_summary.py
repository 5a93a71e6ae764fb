"""Old summary endpoint, served on its own by `uvicorn app.routers.legacy_summary:app` on the batch host."""
from fastapi import FastAPI
from openai import OpenAI

app = FastAPI()
client = OpenAI()


@app.post("/summary")
async def summary(body: dict) -> dict:
    response = client.chat.completions.create(
        model="gpt-4.1-mini",
        messages=[{"role": "user", "content": f"Summarise this merchant note: {body['note']}"}],
    )
    return {"summary": response.choices[0].message.content}
