// Chargeback desk for Northwind Pay merchants. `npx adk web` serves the rootAgent this module exports.
import { FunctionTool, LlmAgent } from '@google/adk';
import { z } from 'zod';
import { Pool } from 'pg';
import { evidenceAgent } from './evidence-agent';

const db = new Pool({ connectionString: process.env.LEDGER_DATABASE_URL });

const lookupCharge = new FunctionTool({
  name: 'lookup_charge',
  description: 'Look a card charge up by id.',
  parameters: z.object({ chargeId: z.string() }),
  execute: async ({ chargeId }) => {
    const { rows } = await db.query('SELECT id, amount_cents, merchant_id, status FROM charges WHERE id = $1', [chargeId]);
    return rows[0] ?? null;
  },
});

export const rootAgent = new LlmAgent({
  name: 'chargeback_desk',
  model: 'gemini-2.5-flash',
  description: 'Answers merchants about chargebacks on their charges.',
  instruction: 'Look the charge up first. Hand evidence collection to evidence_agent.',
  tools: [lookupCharge],
  subAgents: [evidenceAgent],
});
