import postgres from 'postgres';

export const sql = postgres(process.env.LEDGER_DATABASE_URL!);
