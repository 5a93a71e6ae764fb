import pg from 'pg';

// Re-opens disputes stuck in review for more than 30 days, for the desk's morning list.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const { rowCount } = await pool.query("UPDATE disputes SET status = 'open' WHERE status = 'review' AND opened_at < now() - interval '30 days'");
console.log(`re-opened ${rowCount} disputes`);
await pool.end();
