import httpx
from langchain_core.tools import tool

DOCS_SEARCH = "https://docs.northwind-pay.example/api/search"


@tool
def search_docs(query: str) -> list[dict]:
    """Search Northwind Pay's public API documentation."""
    response = httpx.get(DOCS_SEARCH, params={"q": query, "limit": 5}, timeout=10)
    response.raise_for_status()
    return response.json()["results"]


@tool
def fetch_page(url: str) -> str:
    """Fetch a documentation or status page the search returned and return its text."""
    response = httpx.get(url, timeout=10, follow_redirects=True)
    response.raise_for_status()
    return response.text[:20_000]
