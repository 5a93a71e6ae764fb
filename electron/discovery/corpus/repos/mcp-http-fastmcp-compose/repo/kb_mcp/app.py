"""Read-only policy knowledge base for the closer, over SSE."""
import os

import psycopg
import uvicorn
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("policy-kb")


@mcp.tool()
def search_policies(query: str) -> list[str]:
    """Finance policies whose title or body mention the query."""
    with psycopg.connect(os.environ["KB_DB_URL"]) as conn:
        rows = conn.execute("SELECT title FROM policies WHERE body ILIKE %s LIMIT 5", (f"%{query}%",)).fetchall()
    return [r[0] for r in rows]


app = mcp.sse_app()

if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8102)
