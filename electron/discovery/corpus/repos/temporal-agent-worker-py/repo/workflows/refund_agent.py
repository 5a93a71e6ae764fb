import json
from datetime import timedelta

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from activities import model_call
    from tools import TOOL_DEFINITIONS

INSTRUCTIONS = "You review refund requests for Northwind Pay merchants. Look the charge up before refunding."


@workflow.defn
class RefundAgentWorkflow:
    @workflow.run
    async def run(self, request: str) -> str:
        conversation = [{"type": "message", "role": "user", "content": request}]
        while True:
            response = await workflow.execute_activity(
                model_call.respond,
                model_call.ModelRequest(instructions=INSTRUCTIONS, input=conversation, tools=TOOL_DEFINITIONS),
                start_to_close_timeout=timedelta(seconds=60),
            )
            item = response.output[0]
            if item.type != "function_call":
                return response.output_text
            conversation.append(item.model_dump())
            # The model names the tool: the activity runs it by that name.
            result = await workflow.execute_activity(
                "run_tool",
                {"name": item.name, "arguments": json.loads(item.arguments)},
                start_to_close_timeout=timedelta(seconds=30),
            )
            conversation.append({"type": "function_call_output", "call_id": item.call_id, "output": json.dumps(result)})
