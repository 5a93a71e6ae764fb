"""Close-notes MCP server: started over stdio by the notes bot, from this folder."""
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("close-notes")
NOTES = Path("/srv/close-notes")


@mcp.tool()
def append_close_note(period: str, note: str) -> str:
    """Append a note to the month's close file."""
    with open(NOTES / f"{period}.md", "a") as handle:
        handle.write(note + "\n")
    return "noted"


if __name__ == "__main__":
    mcp.run()
