import pg from 'pg';

/** The fraud console's database, as the `copilot` user (read on cases and transactions). */
const fraudDb = new pg.Pool({ connectionString: process.env.FRAUD_DB_URL, max: 5 });

export async function fraudCase(caseId: string) {
  const { rows } = await fraudDb.query(
    `SELECT c.id, c.opened_at, c.rule_hits, c.analyst_notes, t.amount_cents, t.currency, t.merchant_name, t.country
       FROM cases c JOIN transactions t ON t.id = c.transaction_id WHERE c.id = $1`,
    [caseId],
  );
  return rows[0] ?? null;
}
