"""Labels new issues and asks for missing details. Claude picks the tools; the issue thread is its input."""
import json
import os

import anthropic
from github import Github

client = anthropic.Anthropic()
repo = Github(os.environ["GITHUB_TOKEN"]).get_repo(os.environ.get("GITHUB_REPOSITORY", "northwind/payments"))

TOOLS = [
    {"name": "add_labels", "description": "Add labels to the issue", "input_schema": {"type": "object", "properties": {"labels": {"type": "array", "items": {"type": "string"}}}}},
    {"name": "comment", "description": "Ask the reporter a question", "input_schema": {"type": "object", "properties": {"body": {"type": "string"}}}},
]


def run_tool(issue, name: str, args: dict) -> str:
    if name == "add_labels":
        issue.add_to_labels(*args["labels"])
        return "labelled"
    issue.create_comment(args["body"])
    return "commented"


def main() -> None:
    issue = repo.get_issue(int(os.environ["ISSUE_NUMBER"]))
    thread = "\n\n".join([issue.title, issue.body or ""] + [c.body for c in issue.get_comments()])
    messages = [{"role": "user", "content": f"Triage this issue:\n{thread}"}]
    while True:
        reply = client.messages.create(model="claude-sonnet-4-5", max_tokens=1024, tools=TOOLS, messages=messages)
        messages.append({"role": "assistant", "content": reply.content})
        if reply.stop_reason != "tool_use":
            break
        results = [
            {"type": "tool_result", "tool_use_id": block.id, "content": run_tool(issue, block.name, block.input)}
            for block in reply.content
            if block.type == "tool_use"
        ]
        messages.append({"role": "user", "content": results})
    print(json.dumps({"issue": issue.number, "turns": len(messages)}))


if __name__ == "__main__":
    main()
