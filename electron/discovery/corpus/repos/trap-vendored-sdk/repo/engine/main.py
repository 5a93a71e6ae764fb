import json
import os

import redis

from engine.rules import Authorisation, risk_score


def main() -> None:
    queue = redis.Redis.from_url(os.environ["REDIS_URL"])
    while True:
        _, raw = queue.blpop("authorisations:pending")
        auth = Authorisation(**json.loads(raw))
        queue.rpush("authorisations:scored", json.dumps({**auth.__dict__, "score": risk_score(auth)}))


if __name__ == "__main__":
    main()
