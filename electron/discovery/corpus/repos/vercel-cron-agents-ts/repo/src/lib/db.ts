import postgres from 'postgres';

export const sql = postgres(process.env.DISPUTES_DATABASE_URL!);
