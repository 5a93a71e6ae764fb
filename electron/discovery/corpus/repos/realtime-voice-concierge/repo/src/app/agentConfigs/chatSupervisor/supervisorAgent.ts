import { RealtimeItem, tool } from '@openai/agents/realtime';

export const supervisorAgentInstructions = `You are an expert customer service supervisor agent for Northwind Pay,
tasked with providing real-time guidance to a more junior agent that's chatting directly with the customer.`;

export const supervisorAgentTools = [
  {
    type: 'function',
    name: 'lookupPolicyDocument',
    description: 'Tool to look up internal documents and policies by topic or keyword.',
    parameters: {
      type: 'object',
      properties: { topic: { type: 'string' } },
      required: ['topic'],
      additionalProperties: false,
    },
  },
];

async function fetchResponsesMessage(body: any) {
  const response = await fetch('/api/responses', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    // Preserve the previous behaviour of forcing sequential tool calls.
    body: JSON.stringify({ ...body, parallel_tool_calls: false }),
  });
  if (!response.ok) {
    console.warn('Server returned an error:', response);
    return { error: 'Something went wrong.' };
  }
  return await response.json();
}

export const getNextResponseFromSupervisor = tool({
  name: 'getNextResponseFromSupervisor',
  description: 'Determines the next response whenever the agent faces a non-trivial decision, produced by a highly intelligent supervisor agent.',
  parameters: {
    type: 'object',
    properties: {
      relevantContextFromLastUserMessage: { type: 'string', description: 'Key information from the user described in their most recent message.' },
    },
    required: ['relevantContextFromLastUserMessage'],
    additionalProperties: false,
  },
  execute: async (input, details) => {
    const { relevantContextFromLastUserMessage } = input as { relevantContextFromLastUserMessage: string };
    const history: RealtimeItem[] = (details?.context as any)?.history ?? [];
    const filteredLogs = history.filter((log) => log.type === 'message');
    const body: any = {
      model: 'gpt-4.1',
      input: [
        { type: 'message', role: 'system', content: supervisorAgentInstructions },
        { type: 'message', role: 'user', content: `==== Conversation History ====\n${JSON.stringify(filteredLogs, null, 2)}\n==== Relevant Context ====\n${relevantContextFromLastUserMessage}` },
      ],
      tools: supervisorAgentTools,
    };
    const response = await fetchResponsesMessage(body);
    if (response.error) return { error: 'Something went wrong.' };
    return { nextResponse: response.output_text as string };
  },
});
