import { cookies } from 'next/headers';
import { pool } from '@/lib/db';

// The signed-in agent's login session, for the account page.
export async function GET() {
  const token = (await cookies()).get('sid')?.value;
  if (!token) return Response.json({ user: null }, { status: 401 });
  const { rows } = await pool.query('SELECT user_id, expires_at FROM login_sessions WHERE token = $1', [token]);
  return Response.json({ user: rows[0] ?? null });
}
