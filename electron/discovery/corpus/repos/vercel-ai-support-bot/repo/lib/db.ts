import { neon } from '@neondatabase/serverless';

// The help-centre role can read payments and write call-back requests, nothing else.
export const sql = neon(process.env.HELP_CENTRE_DATABASE_URL!);
