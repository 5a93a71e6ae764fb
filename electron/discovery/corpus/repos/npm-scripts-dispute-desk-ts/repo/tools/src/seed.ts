import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
await pool.query("INSERT INTO disputes (reference, amount_cents, status) VALUES ('DSP-1042', 4599, 'open') ON CONFLICT DO NOTHING");
await pool.end();
