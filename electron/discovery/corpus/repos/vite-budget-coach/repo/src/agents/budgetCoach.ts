import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
import { savingsPlanner } from './savingsPlanner';

const merchantInfo = tool({
  name: 'merchant_info',
  description: 'Fetch what a merchant sells from a page the user pastes.',
  parameters: z.object({ url: z.string() }),
  async execute({ url }) {
    const res = await fetch(url);
    return (await res.text()).slice(0, 4000);
  },
});

const categorizeSpending = tool({
  name: 'categorize_spending',
  description: 'Group the pasted card transactions by category.',
  parameters: z.object({ lines: z.array(z.string()) }),
  async execute({ lines }) {
    const totals: Record<string, number> = {};
    for (const line of lines) {
      const [category, amount] = line.split(',');
      totals[category] = (totals[category] ?? 0) + Number(amount);
    }
    return totals;
  },
});

export const budgetCoach = Agent.create({
  name: 'Budget Coach',
  instructions: 'Help the user understand where their money goes. Hand off to the savings planner when they want a savings goal.',
  model: 'gpt-4.1-mini',
  tools: [categorizeSpending, merchantInfo],
  handoffs: [savingsPlanner],
});
