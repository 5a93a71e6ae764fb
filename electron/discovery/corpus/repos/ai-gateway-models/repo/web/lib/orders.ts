import { Pool } from "pg";

const pool = new Pool({ connectionString: process.env.ORDERS_DATABASE_URL });

export async function orderById(id: string) {
  const { rows } = await pool.query("SELECT id, status, total_cents, shipped_at FROM orders WHERE id = $1", [id]);
  return rows[0] ?? null;
}
