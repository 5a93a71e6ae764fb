from temporalio import activity

from tools import HANDLERS


@activity.defn(name="run_tool")
async def run_tool(call: dict) -> dict:
    handler = HANDLERS[call["name"]]
    return handler(**call["arguments"])
