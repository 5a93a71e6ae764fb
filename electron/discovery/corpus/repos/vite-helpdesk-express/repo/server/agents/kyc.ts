import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
import { db } from '../db';

const unlockAccount = tool({
  name: 'unlock_account',
  description: 'Unlock an account after the identity check passed.',
  parameters: z.object({ accountId: z.string() }),
  async execute({ accountId }) {
    await db.query("UPDATE accounts SET status = 'active' WHERE id = $1", [accountId]);
    return 'unlocked';
  },
});

export const kycAgent = new Agent({
  name: 'KYC Review',
  instructions: 'Check the identity documents the customer uploaded against the account, then unlock it.',
  model: 'gpt-4.1',
  tools: [unlockAccount],
});
