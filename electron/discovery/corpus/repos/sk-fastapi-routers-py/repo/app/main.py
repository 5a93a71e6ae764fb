"""Merchant chat API: the app mounts the routers; uvicorn serves it."""
import uvicorn
from fastapi import FastAPI

from app.routers import admin, chat

app = FastAPI(title="Merchant chat")
app.include_router(chat.router)
app.include_router(admin.router)


@app.get("/health")
async def health() -> dict:
    return {"status": "ok"}


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000)
