import { z } from 'genkit'
import { ai } from '../genkit'

// Dotprompt file prompts/summarise.prompt; a one-shot summary for the case note.
const summarise = ai.prompt<z.ZodTypeAny, z.ZodTypeAny>('summarise')

export const summariseDisputeFlow = ai.defineFlow(
  {
    name: 'summariseDispute',
    inputSchema: z.object({ thread: z.array(z.string()) }),
    outputSchema: z.object({ summary: z.string() }),
  },
  async (input) => {
    const { output } = await summarise(input)
    return output
  }
)
