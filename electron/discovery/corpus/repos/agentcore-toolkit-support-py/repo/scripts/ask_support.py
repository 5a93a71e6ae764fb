"""Send one question to the deployed support desk (for smoke tests after `agentcore launch`)."""
import json
import sys
import uuid

import boto3



def ask(question: str) -> str:
    client = boto3.client("bedrock-agentcore", region_name="eu-west-1")
    response = client.invoke_agent_runtime(
        agentRuntimeArn="arn:aws:bedrock-agentcore:eu-west-1:384712906551:runtime/support_graph-Xk29LmQp7R",
        runtimeSessionId=str(uuid.uuid4()),
        payload=json.dumps({"prompt": question}),
    )
    return response["response"].read().decode()


if __name__ == "__main__":
    print(ask(sys.argv[1]))
