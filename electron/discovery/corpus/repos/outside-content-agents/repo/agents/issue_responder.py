"""First answer on new issues and comments: Claude reads the thread and may label the issue or
post a reply through the tools below. Nothing screens the thread for injected instructions."""
import os

from anthropic import Anthropic
from github import Github

gh = Github(os.environ["GITHUB_TOKEN"])
repo = gh.get_repo(os.environ.get("GITHUB_REPOSITORY", "northwind/payments-sdk"))
claude = Anthropic()

TOOLS = [
    {"name": "add_label", "description": "Label the issue.", "input_schema": {"type": "object", "properties": {"label": {"type": "string"}}, "required": ["label"]}},
    {"name": "reply", "description": "Post a reply on the issue.", "input_schema": {"type": "object", "properties": {"body": {"type": "string"}}, "required": ["body"]}},
]


def add_label(issue, label):
    issue.add_to_labels(label)
    return "labelled"


def reply(issue, body):
    issue.create_comment(body)
    return "posted"


def main():
    issue = repo.get_issue(number=int(os.environ["ISSUE_NUMBER"]))
    thread = [f"{issue.title}\n\n{issue.body}"] + [comment.body for comment in issue.get_comments()]
    messages = [{"role": "user", "content": "\n\n---\n\n".join(thread)}]
    while True:
        response = claude.messages.create(model="claude-sonnet-4-5", max_tokens=1500, tools=TOOLS, messages=messages)
        if response.stop_reason != "tool_use":
            break
        results = []
        for block in response.content:
            if block.type == "tool_use":
                handler = {"add_label": add_label, "reply": reply}[block.name]
                results.append({"type": "tool_result", "tool_use_id": block.id, "content": handler(issue, **block.input)})
        messages += [{"role": "assistant", "content": response.content}, {"role": "user", "content": results}]


if __name__ == "__main__":
    main()
