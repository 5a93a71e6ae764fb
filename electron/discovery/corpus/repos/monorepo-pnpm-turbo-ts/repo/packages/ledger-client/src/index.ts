const LEDGER_URL = process.env.LEDGER_URL ?? 'https://ledger.internal.northwind-pay.example';

/** Earlier charges of the same card at the same merchant, from the ledger service. */
export async function chargeHistory(chargeId: string): Promise<unknown> {
  const response = await fetch(`${LEDGER_URL}/charges/${encodeURIComponent(chargeId)}/history`, {
    headers: { authorization: `Bearer ${process.env.LEDGER_TOKEN}` },
  });
  return response.json();
}
