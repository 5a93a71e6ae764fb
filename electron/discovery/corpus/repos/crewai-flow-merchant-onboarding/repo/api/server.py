from fastapi import FastAPI

from onboarding.screening_flow import ScreeningFlow

app = FastAPI(title="Onboarding API")


@app.post("/applications/{application_id}/screen")
async def screen(application_id: str) -> dict:
    flow = ScreeningFlow()
    await flow.kickoff_async(inputs={"application_id": application_id})
    return {"verdict": flow.state.verdict}
