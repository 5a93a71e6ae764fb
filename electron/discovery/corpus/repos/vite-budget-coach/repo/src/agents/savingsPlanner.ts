import { Agent, tool } from '@openai/agents';
import { z } from 'zod';

const saveGoal = tool({
  name: 'save_goal',
  description: 'Remember a savings goal in this browser.',
  parameters: z.object({ name: z.string(), monthly: z.number() }),
  async execute({ name, monthly }) {
    localStorage.setItem(`goal:${name}`, JSON.stringify({ monthly }));
    return 'saved';
  },
});

export const savingsPlanner = new Agent({
  name: 'Savings Planner',
  instructions: 'Turn what the user can spare each month into a savings goal and save it.',
  model: 'gpt-4.1-mini',
  tools: [saveGoal],
});
