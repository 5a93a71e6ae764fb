import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function caseHistory(caseId: string): Promise<string> {
  const { rows } = await pool.query('SELECT author, body FROM case_messages WHERE case_id = $1 ORDER BY created_at', [caseId]);
  return rows.map((r) => `${r.author}: ${r.body}`).join('\n');
}

export async function saveNote(caseId: string, note: string): Promise<void> {
  await pool.query('INSERT INTO case_notes (case_id, note) VALUES ($1, $2)', [caseId, note]);
}
