import { describe, expect, it } from 'vitest';
import { analyzed } from '../code/test-helpers';
import { itemNamed, scanTreeFixture } from '../scan/test-scan-tree';

/**
 * Bots whose client one module builds and another starts (shouples/discordgpt: client.py builds
 * `Client(intents=…)`, app.py ends with `client.run(token)`): the starting file is the bot's entry
 * point, triggered by chat, as a bot built beside its start is.
 */

const tree = scanTreeFixture('atw-client-starts-');

const DISCORD_CLIENT_PY = `from discord import Client, Intents


def create_client() -> Client:
    intents = Intents.default()
    intents.message_content = True
    return Client(intents=intents)


client: Client = create_client()
`;
const DISCORD_APP_PY = `from discord import Message

from deskbot.client import client
from deskbot.answers import answer
from deskbot.settings import TOKEN


@client.event
async def on_message(message: Message):
    if message.author != client.user:
        await message.reply(await answer(message.content))


client.run(TOKEN)
`;
const ANSWERS_PY = `from openai import AsyncOpenAI

openai = AsyncOpenAI()


async def answer(text: str) -> str:
    reply = await openai.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": text}])
    return reply.choices[0].message.content
`;

describe('a client built in one module and started in another', () => {
  it('Python discord.py: the module running client.run() is the bot, triggered by chat, counted with full confidence', async () => {
    tree.writeAll({ 'deskbot/__init__.py': '', 'deskbot/client.py': DISCORD_CLIENT_PY, 'deskbot/app.py': DISCORD_APP_PY, 'deskbot/answers.py': ANSWERS_PY, 'deskbot/settings.py': 'import os\n\nTOKEN = os.environ["DISCORD_TOKEN"]\n' });
    const { agents } = await tree.scan();
    expect(agents.map((a) => a.unit.path)).toEqual(['deskbot/app.py']);
    const bot = itemNamed(agents, 'deskbot/app.py');
    expect(bot.trigger).toMatchObject({ kind: 'user', description: 'Runs when a chat message reaches the bot', evidence: { path: 'deskbot/app.py', line: 14, ruleId: 'py.entry-point.server-start' } });
    expect(bot.confidence).toBeGreaterThan(0.9);
  });

  it('TypeScript discord.js: `client.login(token)` of a client another module builds', async () => {
    tree.writeAll({
      'src/client.ts': "import { Client, GatewayIntentBits } from 'discord.js';\nimport { answer } from './answer.js';\nexport const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent] });\nclient.on('messageCreate', async (m) => { if (!m.author.bot) await m.reply(await answer(m.content)); });\n",
      'src/answer.ts': "import Anthropic from '@anthropic-ai/sdk';\nconst anthropic = new Anthropic();\nexport async function answer(text: string) {\n  const r = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 300, messages: [{ role: 'user', content: text }] });\n  return r.content[0]?.type === 'text' ? r.content[0].text : '';\n}\n",
      'src/index.ts': "import { client } from './client.js';\n\nclient.login(process.env.DISCORD_TOKEN);\n",
    });
    const { agents } = await tree.scan();
    expect(agents.map((a) => `${a.unit.path} ${a.trigger.kind} ${(a.untrustedInputs ?? []).map((u) => u.kind)}`)).toEqual(['src/index.ts user chat-message']);
  });

  it('a Slack app whose module registers its handlers and another starts it is one item, with both files as entry points', async () => {
    tree.writeAll({
      'desk/__init__.py': '',
      'desk/app.py': 'import os\n\nfrom openai import OpenAI\nfrom slack_bolt import App\n\nllm = OpenAI()\napp = App(token=os.environ["SLACK_BOT_TOKEN"])\n\n\n@app.event("app_mention")\ndef mention(event, say):\n    say(llm.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": event["text"]}]).choices[0].message.content)\n',
      'desk/server.py': 'import os\n\nfrom desk.app import app\n\napp.start(port=int(os.environ.get("PORT", "3000")))\n',
    });
    const { agents } = await tree.scan();
    expect(agents.map((a) => `${a.unit.path} [${a.entryPoints.join(' ')}]`)).toEqual(['desk/server.py [desk/server.py desk/app.py]']);
  });

  it('decoys: a module-level run() of an imported object that is no client, and a client imported without being started, start nothing', async () => {
    tree.writeAll({
      'jobs/__init__.py': '',
      'jobs/pipeline.py': 'from openai import OpenAI\n\n\nclass Pipeline:\n    def run(self):\n        return OpenAI().chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": "Summarise the day"}])\n\n\npipeline = Pipeline()\n',
      'jobs/nightly.py': 'from jobs.pipeline import pipeline\n\npipeline.run()\n',
      'deskbot/__init__.py': '',
      'deskbot/client.py': DISCORD_CLIENT_PY,
      'deskbot/announce.py': 'from deskbot.client import client\nfrom deskbot.answers import answer\n\nprint(client.intents, answer)\n',
      'deskbot/answers.py': ANSWERS_PY,
    });
    const { agents } = await tree.scan();
    expect(agents.filter((a) => a.trigger.kind === 'user').map((a) => a.unit.path)).toEqual([]);
  });
});

describe('what each side records', () => {
  it('a rule that starts any receiver (`*.serve_forever`) makes no client startable: the start is found where it is written', async () => {
    const built = await analyzed('srv/server.py', 'import socketserver\nfrom openai import OpenAI\n\nllm = OpenAI()\nserver = socketserver.TCPServer(("", 9000), None)\n');
    expect(built.startableClients ?? []).toEqual([]);
    const client = await analyzed('bot/client.py', 'import discord\nfrom openai import OpenAI\n\nllm = OpenAI()\nclient = discord.Client(intents=discord.Intents.default())\n');
    expect(client.startableClients).toEqual([{ name: 'client', methods: ['run'], ruleId: 'py.entry-point.server-start', confidence: 0.9 }]);
  });

  it('records a start only at module level, and only of a name imported from a module of the repository', async () => {
    const app = await analyzed('bot/app.py', 'import discord\nfrom openai import OpenAI\nfrom bot.client import client\n\nllm = OpenAI()\n\n\ndef later():\n    client.run("x")\n\n\ndiscord.Client().run("y")\n');
    expect(app.clientStarts).toBeUndefined();
    const started = await analyzed('bot/main.py', 'from openai import OpenAI\nfrom bot.client import client\n\nllm = OpenAI()\nclient.run("token")\n');
    expect(started.clientStarts).toEqual([{ module: 'bot.client', name: 'client', method: 'run', line: 5, snippet: 'client.run("token")' }]);
  });
});
