"""Incident helpers as MCP tools (FastMCP 2). The summary tool asks a model itself."""
import os

from fastmcp import FastMCP
from openai import OpenAI
from slack_sdk import WebClient

mcp = FastMCP(name="incident-notes")
client = OpenAI()
slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"])


@mcp.tool
def summarise_incident(timeline: str) -> str:
    """Summarise an incident timeline for the status page."""
    reply = client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": f"Summarise for customers:\n{timeline}"}])
    return reply.choices[0].message.content


@mcp.tool
def post_incident_update(channel: str, text: str) -> str:
    """Post an incident update to a Slack channel."""
    response = slack.chat_postMessage(channel=channel, text=text)
    return response["ts"]


if __name__ == "__main__":
    mcp.run()
