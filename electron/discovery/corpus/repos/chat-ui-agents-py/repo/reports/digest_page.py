"""Weekly fee digest page: one summary per merchant, no tools."""
import os

import requests
import streamlit as st

CHAT_COMPLETIONS_URL = "https://api.openai.com/v1/chat/completions"


def summarise(text: str) -> str:
    response = requests.post(
        CHAT_COMPLETIONS_URL,
        headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"},
        json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"Summarise these fee changes:\n{text}"}]},
        timeout=60,
    )
    return response.json()["choices"][0]["message"]["content"]


st.title("Fee digest")
uploaded = st.file_uploader("Fee change export (one merchant per line)")
if uploaded:
    for line in uploaded.getvalue().decode().splitlines():
        st.markdown(f"**{line.split(',')[0]}**: {summarise(line)}")
