"""Function-schema action group of RefundAgent: refunds a delivered order, then emails the customer."""
import boto3

orders = boto3.resource("dynamodb").Table("orders")
ses = boto3.client("ses")


def issue_refund(order_id: str) -> str:
    order = orders.get_item(Key={"order_id": order_id}).get("Item") or {}
    if order.get("status") != "delivered":
        return f"order {order_id} is not delivered"
    orders.update_item(Key={"order_id": order_id}, UpdateExpression="SET refund_status = :s", ExpressionAttributeValues={":s": "refunded"})
    return f"order {order_id} refunded"


def email_customer(order_id: str) -> str:
    order = orders.get_item(Key={"order_id": order_id}).get("Item") or {}
    ses.send_email(
        Source="orders@example.com",
        Destination={"ToAddresses": [order["email"]]},
        Message={"Subject": {"Data": "Your refund"}, "Body": {"Text": {"Data": f"Order {order_id}: refund issued."}}},
    )
    return "sent"


def handler(event, context):
    params = {p["name"]: p["value"] for p in event.get("parameters", [])}
    body = issue_refund(params["order_id"]) if event["function"] == "issue_refund" else email_customer(params["order_id"])
    return {
        "messageVersion": "1.0",
        "response": {
            "actionGroup": event["actionGroup"],
            "function": event["function"],
            "functionResponse": {"responseBody": {"TEXT": {"body": body}}},
        },
    }
