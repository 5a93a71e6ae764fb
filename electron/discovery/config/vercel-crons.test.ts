import { describe, expect, it } from 'vitest';
import { itemNamed, scanTreeFixture } from '../scan/test-scan-tree';
import { analyzeConfigFile } from './index';
import { fixture, lineWith, testContext } from './test-support';
import { analyzeVercelCrons } from './vercel-crons';

const VERCEL = fixture('vercel/vercel.json');

describe('vercel.json cron jobs', () => {
  it('are scheduled tasks named by their path, on their UTC schedule, whose code is the route serving the path in any project layout', () => {
    const [digest, rates] = analyzeVercelCrons('web/vercel.json', VERCEL, testContext())!.units;
    expect(digest).toMatchObject({ kind: 'scheduled-task', name: '/api/cron/chargeback-digest', path: 'web/vercel.json', runs: ['GET /api/cron/chargeback-digest'] });
    expect(digest!.evidence.line).toBe(lineWith(VERCEL, '"path": "/api/cron/chargeback-digest"'));
    expect(digest!.codePaths).toEqual(['web/app/api/cron/chargeback-digest/route', 'web/src/app/api/cron/chargeback-digest/route', 'web/pages/api/cron/chargeback-digest', 'web/src/pages/api/cron/chargeback-digest', 'web/api/cron/chargeback-digest']);
    expect(digest!.trigger).toMatchObject({ kind: 'cron', schedule: '0 7 * * 1-5', description: 'Every Monday to Friday at 07:00 UTC' });
    // The query string is the request's, not the route's.
    expect(rates!.name).toBe('/api/cron/refresh-rates');
    expect(analyzeVercelCrons('vercel.json', VERCEL, testContext())!.units[0]!.codePaths[0]).toBe('app/api/cron/chargeback-digest/route');
  });

  it('is read only from a vercel.json with crons; a malformed one is a warning naming the line', async () => {
    expect((await analyzeConfigFile('vercel.json', '{ "rewrites": [] }', testContext())).findings).toBeNull();
    expect(analyzeVercelCrons('vercel.json', '{ "crons": [{ "path": "api/no-slash", "schedule": "0 7 * * *" }, { "path": "/api/x" }] }', testContext())).toBeNull();
    const broken = await analyzeConfigFile('vercel.json', VERCEL.slice(0, 200), testContext());
    expect(broken.findings).toBeNull();
    expect(broken.warnings[0]!.message).toMatch(/not valid JSON.*read as a vercel\.json/);
  });
});

describe('a Vercel cron job in a scan', () => {
  const tree = scanTreeFixture('atw-vercel-crons-');

  it('makes the agent its route runs a scheduled task instead of an HTTP route; the app’s other routes stay what they were', async () => {
    tree.writeAll({
      'vercel.json': VERCEL,
      'package.json': '{ "name": "disputes-web", "scripts": { "dev": "next dev", "build": "next build" }, "dependencies": { "next": "15.0.0", "ai": "4.0.0", "@ai-sdk/openai": "1.0.0" } }',
      'app/api/cron/chargeback-digest/route.ts': `import { openai } from '@ai-sdk/openai';
import { generateText, tool } from 'ai';
import { z } from 'zod';

export async function GET(request: Request) {
  if (request.headers.get('authorization') !== \`Bearer \${process.env.CRON_SECRET}\`) return new Response('Unauthorized', { status: 401 });
  const { text } = await generateText({
    model: openai('gpt-4.1-mini'),
    maxSteps: 5,
    tools: {
      postDigest: tool({
        description: 'Post the digest to the risk channel',
        parameters: z.object({ text: z.string() }),
        execute: async ({ text }) => fetch(process.env.RISK_SLACK_WEBHOOK!, { method: 'POST', body: JSON.stringify({ text }) }).then((r) => r.status),
      }),
    },
    prompt: "Summarise yesterday's chargebacks and post the digest.",
  });
  return Response.json({ text });
}
`,
      'app/api/chat/route.ts': `import { openai } from '@ai-sdk/openai';
import { streamText } from 'ai';

export async function POST(req: Request) {
  const { messages } = await req.json();
  return streamText({ model: openai('gpt-4.1-mini'), messages }).toDataStreamResponse();
}
`,
    });
    const agents = (await tree.scan()).agents;
    const digest = itemNamed(agents, '/api/cron/chargeback-digest');
    expect(digest).toMatchObject({ classification: 'agent', entryPoints: ['app/api/cron/chargeback-digest/route.ts'] });
    expect(digest.unit.kind).toBe('scheduled-task');
    expect(digest.trigger).toMatchObject({ kind: 'cron', schedule: '0 7 * * 1-5' });
    expect(agents.some((a) => a.unit.path === 'app/api/cron/chargeback-digest/route.ts')).toBe(false);
    expect(itemNamed(agents, 'app/api/chat/route.ts').trigger.kind).not.toBe('cron');
  });
});
