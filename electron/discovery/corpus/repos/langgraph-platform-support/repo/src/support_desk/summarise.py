"""Condenses a merchant's billing history before the billing agent reads it (keeps the context short)."""
import os

from langchain_core.tools import tool
from openai import OpenAI

_client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])


@tool
def summarise_history(history: str) -> str:
    """Summarise a merchant's billing history in five bullet points."""
    response = _client.chat.completions.create(
        model="gpt-4.1-nano",
        messages=[
            {"role": "system", "content": "Summarise this billing history in five bullet points. Keep amounts and dates."},
            {"role": "user", "content": history[:20_000]},
        ],
        max_tokens=400,
    )
    return response.choices[0].message.content or ""
