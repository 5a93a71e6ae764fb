"""Tags new case notes with a risk theme as they arrive on the queue."""
import json
import os

import anthropic
import redis

client = anthropic.Anthropic()
queue = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))

if __name__ == "__main__":
    while True:
        _, raw = queue.blpop("case-notes")
        note = json.loads(raw)
        message = client.messages.create(
            model="claude-3-5-haiku-20241022",
            max_tokens=20,
            messages=[{"role": "user", "content": f"One risk theme for this note, one word:\n{note['body']}"}],
        )
        queue.rpush("case-note-themes", json.dumps({"id": note["id"], "theme": message.content[0].text.strip()}))
