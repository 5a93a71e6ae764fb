import { McpServer } from '@modelcontextprotocol/server';
import { Pool } from 'pg';
import { z } from 'zod';

const pool = new Pool({ connectionString: process.env.LEDGER_DATABASE_URL });

/** The ledger server with its tools; the transports start it (stdio.ts, http.ts). */
export function createLedgerServer(): McpServer {
  const server = new McpServer({ name: 'ledger', version: '0.3.0' });

  server.registerTool(
    'account_balance',
    { description: 'Balance of one merchant account', inputSchema: { accountId: z.string() } },
    async ({ accountId }) => {
      const { rows } = await pool.query('SELECT balance_cents FROM accounts WHERE id = $1', [accountId]);
      return { content: [{ type: 'text', text: JSON.stringify(rows[0] ?? null) }] };
    },
  );

  server.registerTool(
    'recent_entries',
    { description: 'Ledger entries of the last day', inputSchema: { accountId: z.string() } },
    async ({ accountId }) => {
      const { rows } = await pool.query("SELECT id, amount_cents, memo FROM entries WHERE account_id = $1 AND posted_at > now() - interval '1 day'", [accountId]);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    },
  );

  return server;
}
