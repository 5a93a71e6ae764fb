import { Router } from 'express';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
export const payoutsRouter = Router();

payoutsRouter.get('/:id', async (req, res) => {
  const { rows } = await pool.query('SELECT id, amount_cents, status FROM payouts WHERE id = $1', [req.params.id]);
  res.json(rows[0] ?? null);
});
