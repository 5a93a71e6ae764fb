"""Weekly digest of merged pull requests, written by GPT and posted to #eng-weekly."""
import os

from github import Github
from openai import OpenAI
from slack_sdk import WebClient

openai_client = OpenAI()
slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"])


def main() -> None:
    repo = Github(os.environ["GITHUB_TOKEN"]).get_repo("northwind/summariser")
    titles = [pr.title for pr in repo.get_pulls(state="closed")[:50] if pr.merged]
    reply = openai_client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": "Write a short digest of: " + "; ".join(titles)}])
    slack.chat_postMessage(channel="#eng-weekly", text=reply.choices[0].message.content)


if __name__ == "__main__":
    main()
