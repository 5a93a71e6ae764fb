import pg from 'pg';

export const pool = new pg.Pool({
  host: process.env.LEDGER_DB_HOST,
  database: 'ledger',
  user: 'settlement_reconciler',
  password: process.env.LEDGER_DB_PASSWORD,
  max: 2,
});

export async function ledgerTotals(acquirer: string, day: string) {
  const { rows } = await pool.query(
    `SELECT currency, sum(amount_cents) AS total_cents, count(*) AS entries
       FROM settlement_entries WHERE acquirer = $1 AND value_date = $2 GROUP BY currency`,
    [acquirer, day],
  );
  return rows;
}
