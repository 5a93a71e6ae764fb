# File generated from our OpenAI spec by Stainless.

from __future__ import annotations

import os

import httpx

from .resources.chat import Chat


class OpenAI:
    chat: Chat

    def __init__(self, *, api_key: str | None = None, base_url: str | None = None, timeout: float = 600) -> None:
        if api_key is None:
            api_key = os.environ.get("OPENAI_API_KEY")
        if api_key is None:
            raise ValueError("The api_key client option must be set either by passing api_key to the client or by setting the OPENAI_API_KEY environment variable")
        self.api_key = api_key
        self.base_url = base_url or os.environ.get("OPENAI_BASE_URL") or "https://api.openai.com/v1"
        self._client = httpx.Client(base_url=self.base_url, timeout=timeout)
        self.chat = Chat(self)

    def post(self, path: str, *, body: dict) -> dict:
        response = self._client.post(path, json=body, headers={"Authorization": f"Bearer {self.api_key}"})
        response.raise_for_status()
        return response.json()


class AsyncOpenAI:
    def __init__(self, *, api_key: str | None = None) -> None:
        self.api_key = api_key or os.environ.get("OPENAI_API_KEY")
