"""Merchant notes summary endpoint: one DSPy ChainOfThought call per request, no tools."""
import dspy
from fastapi import FastAPI

dspy.configure(lm=dspy.LM("openai/gpt-4.1-mini"))
summarise = dspy.ChainOfThought("note -> summary")
app = FastAPI()


@app.post("/summary")
async def summary(body: dict) -> dict:
    return {"summary": summarise(note=body["note"]).summary}
