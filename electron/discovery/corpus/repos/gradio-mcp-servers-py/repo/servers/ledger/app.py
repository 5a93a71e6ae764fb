"""The ledger desk as a Gradio app whose endpoints are MCP tools for the support agents."""

import os

import gradio as gr
import psycopg
import stripe

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]


def lookup_balance(merchant_id: str) -> dict:
    """Current balance and pending payouts of a merchant.

    Args:
        merchant_id: The merchant's id, e.g. m_1042.
    """
    with psycopg.connect(os.environ["LEDGER_DATABASE_URL"]) as conn:
        row = conn.execute("SELECT available_cents, pending_cents FROM balances WHERE merchant_id = %s", (merchant_id,)).fetchone()
    return {"available_cents": row[0], "pending_cents": row[1]} if row else {}


def refund_charge(charge_id: str, amount_cents: int) -> str:
    """Refund part or all of a charge.

    Args:
        charge_id: The Stripe charge to refund.
        amount_cents: How much to refund, in cents.
    """
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return refund.id


def health() -> str:
    return "ok"


with gr.Blocks(title="Ledger desk") as demo:
    merchant = gr.Textbox(label="Merchant id")
    balance = gr.JSON(label="Balance")
    gr.Button("Look up").click(lookup_balance, inputs=merchant, outputs=balance)

    charge = gr.Textbox(label="Charge id")
    amount = gr.Number(label="Amount (cents)", precision=0)
    refunded = gr.Textbox(label="Refund id")
    gr.Button("Refund").click(fn=refund_charge, inputs=[charge, amount], outputs=refunded, api_name="refund")

    status = gr.Textbox(label="Status")
    demo.load(health, outputs=status, api_name=False)

if __name__ == "__main__":
    demo.launch(server_name="0.0.0.0", server_port=int(os.getenv("LEDGER_PORT", "7861")), mcp_server=True)
