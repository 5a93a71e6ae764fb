import express from 'express';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export function startServer(port: number): void {
  const app = express();
  app.get('/merchants/:id/payouts', async (req, res) => {
    const { rows } = await pool.query('select id, amount_cents, status from payouts where merchant_id = $1 order by created_at desc limit 50', [req.params.id]);
    res.json(rows);
  });
  app.listen(port, () => console.log(`portal on ${port}`));
}
