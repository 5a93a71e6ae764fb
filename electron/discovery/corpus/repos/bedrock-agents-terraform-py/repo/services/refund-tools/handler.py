"""Action group Lambda of the refund-desk Bedrock Agent: the agent's tools."""
import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ.get("REFUNDS_TABLE", "refund-requests"))


def lookup_request(request_id: str) -> dict:
    return table.get_item(Key={"request_id": request_id}).get("Item", {})


def decide(request_id: str, decision: str) -> dict:
    table.update_item(Key={"request_id": request_id}, UpdateExpression="SET decision = :d", ExpressionAttributeValues={":d": decision})
    return {"request_id": request_id, "decision": decision}


def lambda_handler(event, context):
    params = {p["name"]: p["value"] for p in event.get("parameters", [])}
    if event["apiPath"] == "/requests/{requestId}":
        body = lookup_request(params["requestId"])
    else:
        body = decide(params["requestId"], params["decision"])
    return {
        "messageVersion": "1.0",
        "response": {
            "actionGroup": event["actionGroup"],
            "apiPath": event["apiPath"],
            "httpMethod": event["httpMethod"],
            "httpStatusCode": 200,
            "responseBody": {"application/json": {"body": json.dumps(body)}},
        },
    }
