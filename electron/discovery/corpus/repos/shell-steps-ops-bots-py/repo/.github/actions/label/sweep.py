"""Asks a model whether each quiet issue is waiting on the reporter, and labels it stale if so."""
import os

from github import Github
from openai import OpenAI

client = OpenAI()
repo = Github(os.environ["GITHUB_TOKEN"]).get_repo(os.environ["GITHUB_REPOSITORY"])

if __name__ == "__main__":
    for issue in repo.get_issues(state="open", sort="updated", direction="asc")[:30]:
        answer = client.chat.completions.create(
            model="gpt-4.1-mini",
            messages=[{"role": "user", "content": f"Is this issue waiting on its reporter? Answer yes or no.\n{issue.title}\n{issue.body}"}],
        )
        if (answer.choices[0].message.content or "").strip().lower().startswith("yes"):
            issue.add_to_labels("stale")
