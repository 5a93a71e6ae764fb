import { Agent, handoff, tool } from '@openai/agents';
import { z } from 'zod';
import { db } from '../db';
import { refundsAgent } from './refunds';
import { kycAgent } from './kyc';

const lookupAccount = tool({
  name: 'lookup_account',
  description: 'Find the customer account by email.',
  parameters: z.object({ email: z.string() }),
  async execute({ email }) {
    const { rows } = await db.query('SELECT id, status, plan FROM accounts WHERE email = $1', [email]);
    return rows[0] ?? null;
  },
});

export const triageAgent = Agent.create({
  name: 'Payments Triage',
  instructions: 'Find the account, then hand refunds to the refunds agent and identity checks to KYC review.',
  model: 'gpt-4.1',
  tools: [lookupAccount],
  handoffs: [refundsAgent, handoff(kycAgent, { toolDescriptionOverride: 'Identity documents or a locked account' })],
});
