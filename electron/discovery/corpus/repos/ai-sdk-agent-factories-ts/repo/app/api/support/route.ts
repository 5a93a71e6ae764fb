import { supportAgent } from '@/lib/agents/support';

export async function POST(req: Request) {
  const { messages } = await req.json();
  const result = supportAgent.stream({ messages });
  return result.toUIMessageStreamResponse();
}
