"""Case notes the agents may read and add to, served as MCP tools by Gradio."""

from datetime import datetime, timezone
from pathlib import Path

import gradio as gr

NOTES = Path("/var/lib/desk/notes")


def save_note(case_id: str, text: str) -> str:
    """Append a note to a support case.

    Args:
        case_id: The case the note belongs to.
        text: What to write down.
    """
    with open(NOTES / f"{case_id}.md", "a", encoding="utf-8") as handle:
        handle.write(f"\n- {datetime.now(timezone.utc).isoformat()} {text}")
    return "saved"


def read_notes(case_id: str) -> str:
    """All notes of a support case, oldest first."""
    return (NOTES / f"{case_id}.md").read_text(encoding="utf-8")


demo = gr.Interface(fn=save_note, inputs=["text", "text"], outputs="text", title="Case notes")
gr.api(read_notes)

demo.launch(mcp_server=True)
