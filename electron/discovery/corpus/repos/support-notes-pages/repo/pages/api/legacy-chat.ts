import type { NextApiRequest, NextApiResponse } from 'next';
// import { anthropic } from '@ai-sdk/anthropic';
// import { streamText } from 'ai';

/*
import { openai } from '@ai-sdk/openai';
*/

// The old chat endpoint, kept so bookmarked clients get a clear answer. Its model call moved to
// /api/assistant in March.
//
// export async function POST(req: Request) {
//   const { messages } = await req.json();
//   const result = streamText({
//     model: anthropic('claude-3-5-sonnet-20240620'),
//     messages,
//   });
//   return result.toDataStreamResponse();
// }

export default function handler(_req: NextApiRequest, res: NextApiResponse) {
  res.status(410).json({ error: 'This endpoint moved to /api/assistant' });
}
