import os

import psycopg
from fastapi import FastAPI

app = FastAPI(title="merchant-risk")


@app.get("/merchants/{merchant_id}/score")
def score(merchant_id: str) -> dict:
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        row = conn.execute("select score, updated_at from risk_scores where merchant_id = %s", (merchant_id,)).fetchone()
    return {"merchant_id": merchant_id, "score": row[0] if row else None}
