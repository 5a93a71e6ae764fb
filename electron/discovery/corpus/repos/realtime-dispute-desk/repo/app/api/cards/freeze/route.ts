import { pool } from '@/lib/db';

export async function POST(req: Request) {
  const { chargeId } = await req.json();
  await pool.query("UPDATE cards SET status = 'frozen' WHERE id = (SELECT card_id FROM card_charges WHERE id = $1)", [chargeId]);
  return Response.json({ ok: true });
}
