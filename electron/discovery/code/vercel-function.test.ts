import { describe, expect, it } from 'vitest';
import { triggerOfEntryPoint } from '../link/entry-point-triggers';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { analyzeCode } from './analyze-code';
import { loadCodeParsers } from './parser';
import { RULES } from './test-helpers';

/** As the scanner reads a file a candidate's code reaches: a function module imports its model client from src/, not an SDK. */
async function entryOf(path: string, text: string) {
  await loadCodeParsers();
  const findings = analyzeCode(path, text, RULES, TEST_FINGERPRINT_KEY, undefined, { skipPrefilter: true })!;
  return findings.entryPoint ? { rule: findings.entryPoint.ruleId, line: findings.entryPoint.line, trigger: triggerOfEntryPoint(findings) } : null;
}

// The devjiwonchoi/vercel-ai-slackbot shape: api/events.ts answers Slack's Events API through src/openai.ts.
const SLACK_EVENTS = `import type { VercelRequest, VercelResponse } from '@vercel/node'
import { WebClient } from '@slack/web-api'
import { summariseThread } from '../src/openai'

const slack = new WebClient(process.env.SLACK_BOT_TOKEN)

export default async function events(request: VercelRequest, response: VercelResponse) {
  if (request.body.type === 'url_verification') return response.status(200).json({ challenge: request.body.challenge })
  const { channel, ts } = request.body.event
  await slack.chat.postMessage({ channel, thread_ts: ts, text: await summariseThread(channel, ts) })
  response.status(200).end()
}
`;

describe('Vercel Functions in a project\'s api/ folder', () => {
  it('a default-exported (request, response) handler is an HTTP entry point: typed with @vercel/node, written handler(req, res), or exported by name', async () => {
    expect(await entryOf('api/events.ts', SLACK_EVENTS)).toEqual({ rule: 'web.vercel-function', line: 7, trigger: expect.objectContaining({ kind: 'user', description: 'Runs when its HTTP endpoint is called' }) });
    expect((await entryOf('api/chat.js', "import { reply } from '../lib/model.js';\n\nexport default async function handler(req, res) {\n  res.json({ text: await reply(req.body.message) });\n}\n"))?.rule).toBe('web.vercel-function');
    expect((await entryOf('apps/bot/api/summarize.ts', "import { summarise } from '../lib/summarise';\n\nconst handler = async (req, res) => res.json(await summarise(req.body));\n\nexport default handler;\n"))?.line).toBe(5);
    expect((await entryOf('api/payouts/[id].mjs', 'export default async (req, res) => res.json({ id: req.query.id });\n'))?.rule).toBe('web.vercel-function');
  });

  it('files Vercel does not deploy, Next.js routes and other default exports are not', async () => {
    const handler = "export default async function reply(req, res) {\n  res.json({ ok: true });\n}\n";
    expect(await entryOf('api/_lib/openai.ts', handler)).toBeNull();
    expect(await entryOf('api/types.d.ts', 'export default interface Reply { text: string }\n')).toBeNull();
    expect(await entryOf('src/api/client.ts', handler)).toBeNull();
    expect(await entryOf('pages/api/chat.ts', "import type { NextApiRequest } from 'next';\nexport default function chat(request: NextApiRequest) {}\n")).toBeNull();
    expect(await entryOf('lib/handler.ts', handler)).toBeNull();
    expect(await entryOf('api/config.ts', "export default { model: 'gpt-4o-mini' };\n")).toBeNull();
  });
});
