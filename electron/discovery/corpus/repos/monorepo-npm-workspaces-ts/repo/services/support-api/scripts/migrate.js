import { readdir, readFile } from 'node:fs/promises';
import pg from 'pg';

// Applies the SQL migrations in order; run on each release.
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
for (const name of (await readdir(new URL('../migrations', import.meta.url))).sort()) {
  await client.query(await readFile(new URL(`../migrations/${name}`, import.meta.url), 'utf8'));
}
await client.end();
