import { genkit, z } from 'genkit'
import { startFlowServer } from '@genkit-ai/express'
import { googleAI, gemini25Flash } from '@genkit-ai/googleai'
import { mcpClient } from 'genkitx-mcp'

const github = mcpClient({
  name: 'github',
  serverProcess: {
    command: 'npx',
    args: ['-y', '@modelcontextprotocol/server-github'],
    env: { GITHUB_PERSONAL_ACCESS_TOKEN: process.env.HELPDESK_GITHUB_TOKEN ?? '' },
  },
})

const ai = genkit({ plugins: [googleAI(), github], model: gemini25Flash })

// Support tickets that describe a product bug become GitHub issues in the right repository.
export const triageTicket = ai.defineFlow(
  {
    name: 'triageTicket',
    inputSchema: z.object({ ticketId: z.string(), body: z.string() }),
    outputSchema: z.string(),
  },
  async ({ ticketId, body }) => {
    const { text } = await ai.generate({
      system: 'Decide whether this support ticket is a product bug. If it is, search for a duplicate and otherwise open an issue.',
      prompt: `Ticket ${ticketId}:\n${body}`,
      tools: ['github/search_issues', 'github/create_issue'],
    })
    return text
  }
)

startFlowServer({ flows: [triageTicket], port: Number(process.env.PORT ?? 3400) })
