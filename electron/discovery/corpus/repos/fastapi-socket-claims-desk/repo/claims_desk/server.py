"""Websocket desk for insurance-claim analysts; REST routes list open claims."""

from fastapi import FastAPI, WebSocket, WebSocketDisconnect

from claims_desk import storage
from claims_desk.session import ClaimsSession

app = FastAPI(title="Claims desk")
sessions: dict[str, ClaimsSession] = {}


@app.get("/api/claims")
async def open_claims():
    return {"claims": storage.open_claims(limit=50)}


@app.websocket("/ws")
async def analyst_socket(websocket: WebSocket):
    await websocket.accept()
    try:
        while True:
            data = await websocket.receive_json()
            session = sessions.setdefault(data["session_id"], ClaimsSession(data["session_id"]))
            async for event in session.ask(data["text"]):
                await websocket.send_json(event)
    except WebSocketDisconnect:
        pass
