"""Function-schema action group of StockAgent: Bedrock sends the function name and its parameters."""
import boto3

stock = boto3.resource("dynamodb").Table("stock-levels")


def handler(event, context):
    params = {p["name"]: p["value"] for p in event.get("parameters", [])}
    item = stock.get_item(Key={"product_id": params["product_id"]}).get("Item") or {}
    text = f"{item.get('on_hand', 0)} units on hand"
    return {
        "messageVersion": "1.0",
        "response": {
            "actionGroup": event["actionGroup"],
            "function": event["function"],
            "functionResponse": {"responseBody": {"TEXT": {"body": text}}},
        },
    }
