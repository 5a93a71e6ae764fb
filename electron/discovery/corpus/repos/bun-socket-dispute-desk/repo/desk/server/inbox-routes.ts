import { Pool } from "pg";

const pool = new Pool({ connectionString: process.env.DISPUTES_DATABASE_URL });

export async function inboxRoutes(req: Request): Promise<Response> {
  const url = new URL(req.url);
  if (url.pathname === "/api/disputes") {
    const { rows } = await pool.query("SELECT id, merchant, amount_cents, opened_at FROM disputes WHERE closed_at IS NULL ORDER BY opened_at");
    return Response.json(rows);
  }
  return new Response("not found", { status: 404 });
}
