import { pool } from "../src/modules/db/pool";

async function main() {
  await pool.query("INSERT INTO refunds (id, status, amount_cents) VALUES ('rf_1', 'pending', 4200) ON CONFLICT DO NOTHING");
  await pool.end();
}

main();
