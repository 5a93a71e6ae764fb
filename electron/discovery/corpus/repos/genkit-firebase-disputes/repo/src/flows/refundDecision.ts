import { z } from 'genkit'
import { ai } from '../genkit'
import { issueRefund } from '../tools/refunds'

export const refundDecisionFlow = ai.defineFlow(
  {
    name: 'refundDecision',
    inputSchema: z.object({ disputeId: z.string(), customerMessage: z.string() }),
    outputSchema: z.string(),
  },
  async ({ disputeId, customerMessage }) => {
    const { text } = await ai.generate({
      system: 'You resolve card disputes for Northwind Pay. Look the charge up in the ledger before refunding; never refund more than the charge.',
      prompt: `Dispute ${disputeId}. The customer wrote: ${customerMessage}`,
      tools: [issueRefund, 'ledger/query'],
      maxTurns: 6,
    })
    return text
  }
)
