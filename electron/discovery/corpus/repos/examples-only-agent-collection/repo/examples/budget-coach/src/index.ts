import { Agent, run, tool } from '@openai/agents';
import { z } from 'zod';

const monthlySpend = tool({
  name: 'monthly_spend',
  description: "A sandbox customer's card spend by category for a month",
  parameters: z.object({ customerId: z.string(), month: z.string() }),
  execute: async ({ customerId, month }) => (await fetch(`https://sandbox.northwind-pay.example/customers/${customerId}/spend?month=${month}`)).json(),
});

const coach = new Agent({ name: 'Budget coach', instructions: 'Suggest one budget change from the spend.', tools: [monthlySpend], model: 'gpt-4.1-mini' });
const result = await run(coach, process.argv[2] ?? 'Customer cus_123, last month');
console.log(result.finalOutput);
