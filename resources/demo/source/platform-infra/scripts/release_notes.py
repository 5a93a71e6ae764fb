"""Weekly release notes: merged PRs of the last N days, summarised by Claude, published to Confluence."""
import argparse
import datetime as dt
import os

import anthropic
import httpx

PAGE_TITLE = "Release notes"

SYSTEM = (
    "You write the weekly engineering release notes of Northwind Pay. Group the merged pull requests by "
    "product area, one line each, in plain language for support and sales. Flag anything that changes fees, "
    "limits or customer-facing emails at the top under 'Heads-up'. Output Confluence storage-format HTML."
)


def merged_pull_requests(days: int) -> list[dict]:
    since = (dt.date.today() - dt.timedelta(days=days)).isoformat()
    response = httpx.get(
        "https://github.northwindpay.example/api/v3/search/issues",
        params={"q": f"org:northwindpay is:pr is:merged merged:>={since}", "per_page": 100},
        headers={"Authorization": f"Bearer {os.environ['GITHUB_TOKEN']}"},
        timeout=30,
    )
    response.raise_for_status()
    return [{"repo": i["repository_url"].rsplit("/", 1)[-1], "title": i["title"], "body": (i["body"] or "")[:500]} for i in response.json()["items"]]


def write_notes(pulls: list[dict]) -> str:
    client = anthropic.Anthropic()
    message = client.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=4_000,
        system=SYSTEM,
        messages=[{"role": "user", "content": "\n".join(f"- [{p['repo']}] {p['title']}: {p['body']}" for p in pulls)}],
    )
    return message.content[0].text


def publish(space: str, html: str) -> None:
    auth = {"Authorization": f"Bearer {os.environ['CONFLUENCE_TOKEN']}"}
    found = httpx.get("https://wiki.northwindpay.example/rest/api/content", params={"spaceKey": space, "title": PAGE_TITLE, "expand": "version"}, headers=auth, timeout=30).json()
    page = found["results"][0]
    httpx.put(
        f"https://wiki.northwindpay.example/rest/api/content/{page['id']}",
        json={
            "id": page["id"],
            "type": "page",
            "title": PAGE_TITLE,
            "version": {"number": page["version"]["number"] + 1},
            "body": {"storage": {"value": html, "representation": "storage"}},
        },
        headers=auth,
        timeout=30,
    ).raise_for_status()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--space", default="RELEASES")
    args = parser.parse_args()
    publish(args.space, write_notes(merged_pull_requests(args.days)))


if __name__ == "__main__":
    main()
