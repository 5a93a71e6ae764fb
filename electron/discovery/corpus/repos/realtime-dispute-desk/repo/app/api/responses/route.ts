import { pool } from '@/lib/db';

// Satisfaction survey answers after a call.
export async function POST(req: Request) {
  const { callId, rating } = await req.json();
  await pool.query('INSERT INTO survey_responses (call_id, rating) VALUES ($1, $2)', [callId, rating]);
  return Response.json({ ok: true });
}
