"""Nightly knowledge-base refresh: crawl the docs sitemap, chunk the pages, store them. No model."""
import hashlib
import os
from typing import TypedDict

import httpx
import psycopg
from langchain_core.runnables import RunnableConfig
from langgraph.graph import END, START, StateGraph

SITEMAP = "https://docs.northwind-pay.example/sitemap.xml"


class IngestState(TypedDict):
    urls: list[str]
    chunks: list[dict]
    stored: int


def crawl(state: IngestState, config: RunnableConfig) -> dict:
    xml = httpx.get(SITEMAP, timeout=30).text
    urls = [line.split("<loc>")[1].split("</loc>")[0] for line in xml.splitlines() if "<loc>" in line]
    return {"urls": urls[: config["configurable"].get("max_pages", 500)]}


def chunk(state: IngestState) -> dict:
    chunks = []
    for url in state["urls"]:
        text = httpx.get(url, timeout=30).text
        for start in range(0, len(text), 2_000):
            piece = text[start : start + 2_000]
            chunks.append({"url": url, "text": piece, "digest": hashlib.sha256(piece.encode()).hexdigest()})
    return {"chunks": chunks}


def store(state: IngestState) -> dict:
    with psycopg.connect(os.environ["SUPPORT_DB_URL"]) as conn, conn.cursor() as cur:
        for c in state["chunks"]:
            cur.execute(
                "INSERT INTO kb_chunks (url, body, digest) VALUES (%s, %s, %s) ON CONFLICT (digest) DO NOTHING",
                (c["url"], c["text"], c["digest"]),
            )
    return {"stored": len(state["chunks"])}


builder = StateGraph(IngestState)
builder.add_node("crawl", crawl)
builder.add_node("chunk", chunk)
builder.add_node("store", store)
builder.add_edge(START, "crawl")
builder.add_edge("crawl", "chunk")
builder.add_edge("chunk", "store")
builder.add_edge("store", END)
workflow = builder.compile()
