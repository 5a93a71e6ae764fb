"""Dispute desk chat: the model may call the helpers in desk/tools through the chat completions API."""
import json
import os

import requests
import streamlit as st

from desk.tools import HANDLERS, TOOL_SCHEMAS

CHAT_COMPLETIONS_URL = "https://api.openai.com/v1/chat/completions"
MODEL = os.environ.get("DESK_MODEL", "gpt-4o-mini")
SYSTEM = "You help Northwind Pay's dispute analysts. Use the tools to look up disputes before answering."


def complete(messages):
    """One request to the provider: the caller loops until the model stops asking for tools."""
    response = requests.post(
        CHAT_COMPLETIONS_URL,
        headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"},
        json={"model": MODEL, "messages": messages, "tools": TOOL_SCHEMAS, "tool_choice": "auto"},
        timeout=60,
    )
    response.raise_for_status()
    return response.json()["choices"][0]["message"]


def reply(history):
    messages = [{"role": "system", "content": SYSTEM}, *history]
    while True:
        message = complete(messages)
        messages.append(message)
        if not message.get("tool_calls"):
            return message.get("content") or ""
        for call in message["tool_calls"]:
            handler = HANDLERS[call["function"]["name"]]
            result = handler(**json.loads(call["function"]["arguments"] or "{}"))
            messages.append({"role": "tool", "tool_call_id": call["id"], "content": json.dumps(result)})


st.title("Dispute desk")
if "history" not in st.session_state:
    st.session_state.history = []
for turn in st.session_state.history:
    st.chat_message(turn["role"]).write(turn["content"])
if prompt := st.chat_input("Ask about a dispute"):
    st.session_state.history.append({"role": "user", "content": prompt})
    answer = reply(st.session_state.history)
    st.session_state.history.append({"role": "assistant", "content": answer})
    st.chat_message("assistant").write(answer)
