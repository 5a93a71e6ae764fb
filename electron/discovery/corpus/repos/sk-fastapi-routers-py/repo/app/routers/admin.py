import psycopg
from fastapi import APIRouter

router = APIRouter(prefix="/admin", tags=["admin"])


@router.get("/sessions")
async def sessions() -> list[tuple]:
    with psycopg.connect() as conn:
        return conn.execute("SELECT id, merchant_id, started_at FROM chat_sessions ORDER BY started_at DESC LIMIT 50").fetchall()
