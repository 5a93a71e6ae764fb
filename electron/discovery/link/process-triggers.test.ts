import { describe, expect, it } from 'vitest';
import { itemNamed, scanTreeFixture } from '../scan/test-scan-tree';

/** Procfiles in the shape of public Heroku and Railway apps (Discord bots in worker dynos, arq and BullMQ job runners), written anew. */
const tree = scanTreeFixture('atw-process-triggers-');

const DISCORD_BOT = `import os
import discord
from openai import OpenAI

client = discord.Client(intents=discord.Intents.default())
llm = OpenAI()

@client.event
async def on_message(message):
    if message.author.bot:
        return
    reply = llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": message.content}])
    await message.channel.send(reply.choices[0].message.content)

client.run(os.environ["DISCORD_TOKEN"])
`;

const POLLER = `import time
from openai import OpenAI
from app.store import next_dispute, save_summary

llm = OpenAI()

while True:
    dispute = next_dispute()
    if dispute is None:
        time.sleep(30)
        continue
    summary = llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": dispute.text}])
    save_summary(dispute.id, summary.choices[0].message.content)
`;

const ARQ_JOBS = `from openai import AsyncOpenAI

llm = AsyncOpenAI()

async def summarise_dispute(ctx, text: str) -> str:
    reply = await llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    return reply.choices[0].message.content

class WorkerSettings:
    functions = [summarise_dispute]
`;

describe('what starts a Procfile process', () => {
  it('a worker dyno running a chat bot runs on chat messages; a worker named by convention and an arq runner run in the background', async () => {
    tree.writeAll({
      Procfile: 'web: gunicorn app.web:app\nworker: python bot.py\npoller_worker: python -m app.poller\njobs: python -m arq app.jobs.WorkerSettings\n',
      'bot.py': DISCORD_BOT,
      'app/__init__.py': '',
      'app/web.py': 'from flask import Flask\n\napp = Flask(__name__)\n\n@app.get("/health")\ndef health():\n    return "ok"\n',
      'app/store.py': 'def next_dispute():\n    return None\n\ndef save_summary(dispute_id, text):\n    return None\n',
      'app/poller.py': POLLER,
      'app/jobs.py': ARQ_JOBS,
    });
    const agents = (await tree.scan()).agents;
    const bot = itemNamed(agents, 'worker');
    expect([bot.trigger.kind, bot.trigger.description, bot.trigger.evidence?.path]).toEqual(['user', 'Runs when a chat message reaches the bot', 'bot.py']);
    const poller = itemNamed(agents, 'poller_worker');
    expect([poller.trigger.kind, poller.trigger.schedule, poller.classification]).toEqual(['event', 'background', 'agent']);
    const jobs = itemNamed(agents, 'jobs');
    expect([jobs.trigger.kind, jobs.trigger.schedule, jobs.entryPoints, jobs.classification]).toEqual(['event', 'arq', ['app/jobs.py'], 'agent']);
  });

  it('an image whose entry script builds a BullMQ Worker in an imported module runs on its queue (an LLM there runs unattended); one with no worker stays unknown', async () => {
    tree.writeAll({
      'Dockerfile.worker': 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["npm", "run", "worker:prod"]\n',
      'package.json': JSON.stringify({ name: 'replies', scripts: { 'worker:prod': 'tsx src/workers/index.ts', 'digest:prod': 'tsx src/digest.ts' } }),
      'src/workers/index.ts': "import { createReplyWorker } from '../queue/reply-worker'\n\nconst worker = createReplyWorker()\nprocess.on('SIGTERM', async () => {\n  await worker.close()\n})\n",
      'src/queue/reply-worker.ts': "import { Worker } from 'bullmq'\nimport OpenAI from 'openai'\n\nconst openai = new OpenAI()\n\nexport function createReplyWorker() {\n  return new Worker('comment-replies', async (job) => {\n    const reply = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: job.data.message }] })\n    return reply.choices[0]?.message?.content\n  }, { connection: { host: 'redis' } })\n}\n",
      'Dockerfile.digest': 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD ["npm", "run", "digest:prod"]\n',
      'src/digest.ts': "import { summarise } from './summarise'\n\nconsole.log(await summarise('today'))\n",
      'src/summarise.ts': "import OpenAI from 'openai'\n\nexport async function summarise(text: string) {\n  const reply = await new OpenAI().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] })\n  return reply.choices[0]?.message?.content\n}\n",
    });
    const agents = (await tree.scan()).agents;
    const worker = itemNamed(agents, 'worker');
    expect([worker.trigger.kind, worker.trigger.evidence?.path, worker.classification]).toEqual(['event', 'src/queue/reply-worker.ts', 'agent']);
    const digest = itemNamed(agents, 'digest');
    expect([digest.trigger.kind, digest.classification]).toEqual(['unknown', 'llm-call']);
  });
});
