import { describe, expect, it } from 'vitest';
import { itemNamed, scanTreeFixture } from '../scan/test-scan-tree';
import { analyzeConfigFile } from './index';
import { analyzeRenderBlueprint } from './render-blueprint';
import { fixture, lineWith, testContext } from './test-support';

const BLUEPRINT = fixture('render/render.yaml');
const analyze = (path: string, text: string) => analyzeRenderBlueprint(path, text, testContext());

describe('Render Blueprints', () => {
  it('make each service that runs code a unit: web and private services answer HTTP, a cron job runs on its UTC schedule; key-value stores are none', () => {
    const units = analyze('render.yaml', BLUEPRINT)!.units;
    expect(units.map((u) => [u.kind, u.name, u.trigger.kind, u.trigger.schedule])).toEqual([
      ['container-service', 'disputes-api', 'webhook', 'web'],
      ['container-service', 'evidence-worker', 'event', 'celery'],
      ['container-service', 'dispute-discord-bot', 'event', 'background'],
      ['scheduled-task', 'nightly-chargeback-review', 'cron', '30 2 * * *'],
    ]);
    expect(units[0]!.evidence.line).toBe(lineWith(BLUEPRINT, 'name: disputes-api'));
    expect(units[3]!.trigger.description).toBe('Every day at 02:30 UTC');
  });

  it('run a native service’s start command in its root folder, and a Docker service’s image from its Dockerfile and context', () => {
    const [api, worker, , review] = analyze('render.yaml', BLUEPRINT)!.units;
    expect(api).toMatchObject({ runs: ['uvicorn app.main:app --host 0.0.0.0 --port $PORT'], build: { context: 'backend', dockerfile: null } });
    expect(worker!.runs).toEqual(['celery -A app.tasks worker --loglevel=info']);
    expect(review).toMatchObject({ runs: [], build: { context: 'jobs', dockerfile: 'Dockerfile' } });
    // A blueprint of a monorepo's folder writes its paths from that folder.
    expect(analyze('deploy/render.yaml', BLUEPRINT)!.units[3]!.build).toEqual({ context: 'deploy/jobs', dockerfile: 'Dockerfile' });
  });

  it('read the environment: keys set in the dashboard and literal values, never a secret value', () => {
    const [api, , , review] = analyze('render.yaml', BLUEPRINT)!.units;
    expect(api!.credentials.map((c) => [c.kind, c.name])).toEqual(expect.arrayContaining([['env-var', 'OPENAI_API_KEY']]));
    expect(review!.credentials.map((c) => c.name)).toEqual(expect.arrayContaining(['ANTHROPIC_API_KEY']));
    expect(JSON.stringify(review)).not.toContain('XXXXXXXXXXXXXXXXXXXXXXXX');
  });

  it('are routed by name; a blueprint with no code service gives nothing, a malformed one a warning', async () => {
    expect((await analyzeConfigFile('render.yaml', BLUEPRINT, testContext())).findings!.format).toBe('render');
    expect(analyze('render.yaml', 'databases:\n  - name: db\n')).toBeNull();
    expect(analyze('render.yaml', 'services:\n  - type: keyvalue\n    name: cache\n')).toBeNull();
    const broken = await analyzeConfigFile('render.yaml', 'services:\n  - type: web\n    name: [unclosed\n', testContext());
    expect(broken.findings).toBeNull();
    expect(broken.warnings[0]!.message).toMatch(/read as a Render Blueprint/);
  });
});

describe('a Render cron job in a scan', () => {
  const tree = scanTreeFixture('atw-render-');

  it('is the item of the agent its image runs, on the cron schedule, the Dockerfile being its image', async () => {
    tree.writeAll({
      'render.yaml': BLUEPRINT,
      'jobs/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install anthropic requests\nCMD ["python", "review.py"]\n',
      'jobs/review.py': `import os

import anthropic
import requests

client = anthropic.Anthropic()
TOOLS = [{"name": "post_summary", "description": "Post the review to Slack", "input_schema": {"type": "object", "properties": {"text": {"type": "string"}}}}]


def main():
    messages = [{"role": "user", "content": "Review last night's chargebacks."}]
    while True:
        reply = client.messages.create(model="claude-sonnet-4-5", max_tokens=2048, tools=TOOLS, messages=messages)
        if reply.stop_reason != "tool_use":
            return
        for block in reply.content:
            if block.type == "tool_use":
                requests.post(os.environ["SLACK_WEBHOOK_URL"], json={"text": block.input["text"]}, timeout=10)
        messages.append({"role": "assistant", "content": reply.content})


if __name__ == "__main__":
    main()
`,
    });
    tree.write(
      'bot/index.js',
      `const { Client, Events, GatewayIntentBits } = require('discord.js');
const OpenAI = require('openai');

const openai = new OpenAI();
const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent] });

client.on(Events.MessageCreate, async (message) => {
  if (message.author.bot) return;
  const reply = await openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: message.content }] });
  await message.reply(reply.choices[0].message.content);
});

client.login(process.env.DISCORD_TOKEN);
`,
    );
    const agents = (await tree.scan()).agents;
    // A worker typed only as one takes its trigger from what its code starts: a Discord bot runs on chat messages.
    expect(itemNamed(agents, 'dispute-discord-bot').trigger.description).toBe('Runs when a chat message reaches the bot');
    const review = itemNamed(agents, 'nightly-chargeback-review');
    expect(review).toMatchObject({ classification: 'agent', entryPoints: ['jobs/review.py'] });
    expect(review.unit.kind).toBe('scheduled-task');
    expect(review.trigger).toMatchObject({ kind: 'cron', schedule: '30 2 * * *' });
    // The Dockerfile is the cron job's image and review.py its code: neither is an item of its own.
    expect(agents.filter((a) => a.unit.path.startsWith('jobs/'))).toEqual([]);
  });
});
