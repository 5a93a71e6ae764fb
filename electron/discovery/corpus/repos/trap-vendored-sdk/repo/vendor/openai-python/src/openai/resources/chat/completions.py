# File generated from our OpenAI spec by Stainless.

from __future__ import annotations


class Completions:
    def __init__(self, client) -> None:
        self._client = client

    def create(self, *, messages: list[dict], model: str, tools: list[dict] | None = None, **params) -> dict:
        body = {"messages": messages, "model": model, **params}
        if tools is not None:
            body["tools"] = tools
        return self._client.post("/chat/completions", body=body)
