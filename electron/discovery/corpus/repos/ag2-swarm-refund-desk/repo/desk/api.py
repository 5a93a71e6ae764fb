from fastapi import FastAPI
from pydantic import BaseModel

from desk.swarm import handle

app = FastAPI(title="Refund desk")


class DeskRequest(BaseModel):
    merchant_id: str
    message: str


@app.post("/desk")
def desk(request: DeskRequest) -> dict:
    return {"answer": handle(request.message, {"merchant_id": request.merchant_id})}
