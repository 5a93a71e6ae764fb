"""Triages a new issue: Claude reads it, may label it and may ask the reporter for details."""
import argparse
import os

import anthropic
from github import Github

client = anthropic.Anthropic()
repo = Github(os.environ["GITHUB_TOKEN"]).get_repo(os.environ["GITHUB_REPOSITORY"])

TOOLS = [
    {"name": "add_label", "description": "Add a label to the issue", "input_schema": {"type": "object", "properties": {"label": {"type": "string"}}, "required": ["label"]}},
    {"name": "comment", "description": "Ask the reporter a question", "input_schema": {"type": "object", "properties": {"body": {"type": "string"}}, "required": ["body"]}},
]


def triage(number: int) -> None:
    issue = repo.get_issue(number)
    messages = [{"role": "user", "content": f"Triage this issue.\nTitle: {issue.title}\n\n{issue.body}"}]
    for _ in range(5):
        reply = client.messages.create(model="claude-sonnet-4-5", max_tokens=1024, tools=TOOLS, messages=messages)
        if reply.stop_reason != "tool_use":
            return
        messages.append({"role": "assistant", "content": reply.content})
        results = []
        for block in reply.content:
            if block.type != "tool_use":
                continue
            if block.name == "add_label":
                issue.add_to_labels(block.input["label"])
            elif block.name == "comment":
                issue.create_comment(block.input["body"])
            results.append({"type": "tool_result", "tool_use_id": block.id, "content": "done"})
        messages.append({"role": "user", "content": results})


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--issue", type=int, required=True)
    triage(parser.parse_args().issue)
