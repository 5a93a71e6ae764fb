import { z } from 'genkit'
import { ai } from '../genkit'

// Drafted for a currency-dispute flow that was never shipped: nothing imports it.
export const fxRate = ai.defineTool(
  {
    name: 'fxRate',
    description: 'Mid-market rate between two currencies on a date.',
    inputSchema: z.object({ from: z.string(), to: z.string(), date: z.string() }),
    outputSchema: z.number(),
  },
  async ({ from, to, date }) => {
    const res = await fetch(`https://fx.northwind.internal/v1/rates?from=${from}&to=${to}&date=${date}`)
    return (await res.json()).rate as number
  }
)
