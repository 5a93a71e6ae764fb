import pg from 'pg';

/** The lending replica, read-only: loans and customers in arrears. */
const lendingDb = new pg.Pool({ connectionString: process.env.LENDING_DB_URL, max: 2 });

export async function loanInArrears(loanId: string) {
  const { rows } = await lendingDb.query(
    `SELECT l.id, l.outstanding_cents, l.currency, l.days_past_due, c.first_name, c.email, c.locale
       FROM loans l JOIN customers c ON c.id = l.customer_id WHERE l.id = $1 AND l.days_past_due > 0`,
    [loanId],
  );
  return rows[0] ?? null;
}
