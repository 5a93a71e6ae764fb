import pg from 'pg';

export const pool = new pg.Pool({ connectionString: process.env.DISPUTES_DATABASE_URL, max: 10 });

export async function caseNotes(disputeId) {
  const { rows } = await pool.query(
    'SELECT author, body, created_at FROM dispute_notes WHERE dispute_id = $1 ORDER BY created_at',
    [disputeId],
  );
  return rows;
}

export async function disputeById(disputeId) {
  const { rows } = await pool.query('SELECT id, reason_code, amount_cents, currency, status FROM disputes WHERE id = $1', [disputeId]);
  return rows[0] ?? null;
}
