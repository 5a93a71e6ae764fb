import { Pool } from "pg";

export const db = new Pool({ connectionString: process.env.LEDGER_DATABASE_URL });
