"""Refund triage flows served over HTTP for the back-office console."""

import psycopg
import uvicorn
from pydantic import BaseModel, Field

from genkit.ai import Genkit
from genkit.core.flows import create_flows_asgi_app
from genkit.plugins.google_genai import GoogleAI

ai = Genkit(plugins=[GoogleAI()], model='googleai/gemini-2.0-flash')

LEDGER_DSN = 'postgresql://refunds_ro@ledger-db.internal:5432/ledger'


class ChargeQuery(BaseModel):
    charge_id: str = Field(description='The card charge the customer disputes')


@ai.tool()
def lookup_charge(query: ChargeQuery) -> dict:
    """Amount, merchant and status of a card charge."""
    with psycopg.connect(LEDGER_DSN) as conn:
        row = conn.execute(
            'SELECT amount_cents, merchant, status FROM charges WHERE id = %s',
            (query.charge_id,),
        ).fetchone()
    return {'amount_cents': row[0], 'merchant': row[1], 'status': row[2]} if row else {}


class TriageInput(BaseModel):
    charge_id: str
    customer_message: str


@ai.flow()
async def refund_triage(request: TriageInput) -> str:
    response = await ai.generate(
        prompt=f'Charge {request.charge_id}. The customer wrote: {request.customer_message}. '
        'Should we refund? Look the charge up first.',
        tools=['lookup_charge'],
    )
    return response.text


app = create_flows_asgi_app(registry=ai.registry, context_providers=[])

if __name__ == '__main__':
    uvicorn.run(app, host='0.0.0.0', port=8080)
