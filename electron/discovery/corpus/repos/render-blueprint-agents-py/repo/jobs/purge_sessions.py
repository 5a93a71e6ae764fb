"""Nightly purge of expired sessions from the key-value store (no model)."""
import os

import redis

if __name__ == "__main__":
    store = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://sessions:6379"))
    for key in store.scan_iter("session:*"):
        if store.ttl(key) < 0:
            store.delete(key)
