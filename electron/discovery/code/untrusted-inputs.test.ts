import { describe, expect, it } from 'vitest';
import type { CodeFindings } from '../findings';
import { analyzed, fixture, RULES } from './test-helpers';
import { loadCodeRules } from './rules';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** "line kind detail @tool" per input: compact to compare. */
const inputs = (findings: CodeFindings) => findings.untrustedInputs.map((input) => `${input.evidence.line} ${input.kind} ${input.detail}${input.tool ? ` @${input.tool}` : ''}`);
const kindsOf = (findings: CodeFindings) => [...new Set(findings.untrustedInputs.map((input) => input.kind))].sort();
const scans = (findings: CodeFindings) => findings.guardrails.filter((guardrail) => guardrail.kind === 'injection-scan').map((guardrail) => guardrail.detail);
const untrusted = (name: string) => analyzed(name, fixture(`untrusted/${name}`));

describe('untrusted inputs in realistic agents (fixtures)', () => {
  it('an inbox assistant reads mail over IMAP; sending its replies and reading our vendor table are not outside content', async () => {
    const findings = await untrusted('inbox_assistant.py');
    expect(inputs(findings)).toEqual(['22 email imaplib.IMAP4_SSL().fetch']);
    expect(findings.capabilities.map((capability) => capability.kind).sort()).toEqual(['data-read', 'external-communication']);
  });

  it('a support agent reads Zendesk tickets in its tools (SDK and REST), screened by LLM Guard; our billing API and its own replies are not inputs', async () => {
    const findings = await untrusted('support_ticket_agent.py');
    expect(inputs(findings)).toEqual([
      '29 ticket requests.get https://{}.zendesk.com/api/v2/tickets/{}/comments.json @get_ticket',
      '36 ticket zenpy.Zenpy().search @open_tickets',
    ]);
    expect(scans(findings)).toEqual(['llm_guard.input_scanners.PromptInjection']);
  });

  it('a research agent reads web pages through a search tool, a page loader and a fetch helper its tool calls; a fixed status endpoint is not a web page', async () => {
    const findings = await untrusted('research_agent.py');
    expect(inputs(findings)).toEqual([
      '11 web-page langchain_tavily.TavilySearch @search',
      '15 web-page requests.get(url)',
      '15 web-page requests.get(url) (via page_text()) @read_page',
      '16 web-page bs4.BeautifulSoup',
      '16 web-page bs4.BeautifulSoup (via page_text()) @read_page',
      '28 web-page langchain_community.document_loaders.WebBaseLoader @load_site',
    ]);
    expect(findings.untrustedInputs.some((input) => input.tool === 'service_status')).toBe(false);
    expect(scans(findings)).toEqual([]);
  });

  it('an issue bot reads a GitHub issue and its comments; posting its answer is not reading', async () => {
    expect(inputs(await untrusted('github_issue_bot.py'))).toEqual([
      '14 code-comment github.Github().get_repo().get_issue',
      '15 code-comment github.Github().get_repo().get_issue().get_comments',
    ]);
  });

  it('a Slack helpdesk bot handles channel messages and reads the thread, screened by Lakera Guard; a slash command is not a message', async () => {
    const findings = await untrusted('slack_helpdesk_bot.py');
    expect(inputs(findings)).toEqual(['18 chat-message @slack_bolt.App().event(message) handle_message', '22 chat-message client.conversations_replies']);
    expect(scans(findings)).toEqual(['"api.lakera.ai/v2/guard"']);
  });

  it('a contract summariser reads uploaded files and PDFs', async () => {
    expect(kindsOf(await untrusted('contract_reader.py'))).toEqual(['document']);
    expect(inputs(await untrusted('contract_reader.py'))).toEqual([
      '2 document import fastapi.UploadFile',
      '13 document pypdf.PdfReader',
      '15 document langchain_community.document_loaders.PyPDFLoader',
    ]);
  });

  it('a GitHub Action reads the issue and its comments through Octokit, screened by Prompt Shields; labelling and commenting are actions', async () => {
    const findings = await untrusted('issue_triage_action.ts');
    expect(inputs(findings)).toEqual(['23 code-comment @actions/github.getOctokit().rest.issues.get', '24 code-comment @actions/github.getOctokit().rest.issues.listComments']);
    expect(scans(findings)).toEqual(['"text:shieldPrompt"']);
  });

  it('an inbox agent reads mail in its tools (imapflow, Gmail); its nodemailer acknowledgement is external communication only', async () => {
    const findings = await untrusted('inbox_agent.ts');
    expect(inputs(findings)).toEqual(['22 email imapflow.ImapFlow().fetch @readMailbox', '33 email googleapis.google.gmail().users.messages.get @readGmailThread']);
    expect(findings.capabilities.find((capability) => capability.tool === 'acknowledge')?.kind).toBe('external-communication');
  });

  it('a research tool set reads pages the model picks; the CRM lookup and the webhook POST are not web pages', async () => {
    const findings = await untrusted('web_research_tool.ts');
    expect(inputs(findings)).toEqual([
      '15 web-page @tavily/core.tavily().search @webSearch',
      '21 web-page fetch(url) @readPage',
      '30 web-page puppeteer.launch().newPage().goto(url) @renderPage',
    ]);
  });

  it('a Discord bot handles server messages, reads Linear issues and takes uploads; its ready handler is not a message', async () => {
    expect(inputs(await untrusted('discord_support_bot.ts'))).toEqual([
      '12 document multer',
      '15 chat-message discord.js.Client().on(messageCreate)',
      '17 ticket @linear/sdk.LinearClient().issues',
    ]);
  });

  it('discord.js v14 names the event by its enum member (Events.MessageCreate): a message handler all the same', async () => {
    const findings = await analyzed(
      'src/bot.ts',
      `import { Client, Events, GatewayIntentBits } from "discord.js";
import OpenAI from "openai";

const discord = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent] });
const openai = new OpenAI();

discord.once(Events.ClientReady, () => console.log("ready"));
discord.on(Events.MessageCreate, async (message) => {
  const answer = await openai.responses.create({ model: "gpt-4.1-mini", input: message.content });
  await message.reply(answer.output_text);
});

discord.login(process.env.DISCORD_TOKEN);
`,
    );
    expect(inputs(findings)).toEqual(['8 chat-message discord.js.Client().on(discord.js.Events.MessageCreate)']);
  });

  it('a test that fakes an IMAP server is trusted less, like every finding in tests', async () => {
    const [input] = (await analyzed('tests/test_inbox_assistant.py', fixture('untrusted/tests/test_inbox_assistant.py'))).untrustedInputs;
    expect(input!.evidence.confidence).toBeLessThan(0.5);
  });
});

describe('each untrusted input kind, Python', () => {
  const cases: Array<[string, string, string[]]> = [
    ['Gmail API list', 'from googleapiclient.discovery import build\nsvc = build("gmail", "v1", credentials=c)\nsvc.users().messages().list(userId="me", q="is:unread").execute()', ['email']],
    ['Gmail service passed in', 'def unread(service):\n    return service.users().threads().get(userId="me", id=t).execute()', ['email']],
    ['Outlook through Graph', 'from msgraph import GraphServiceClient\ng = GraphServiceClient(credentials=c)\nawait g.me.messages.get()', ['email']],
    ['IMAP with imap_tools', 'from imap_tools import MailBox\nwith MailBox(host).login(user, pw) as box:\n    for msg in box.fetch():\n        print(msg.text)', ['email']],
    ['LangChain Gmail tools (crewAI email flow)', 'from langchain_community.agent_toolkits import GmailToolkit\nfrom langchain_community.tools.gmail.search import GmailSearch\ngmail = GmailToolkit()\nGmailSearch(api_resource=gmail.api_resource)("newer_than:1d")', ['email']],
    ['a LangChain Gmail draft is sent mail, not read mail', 'from langchain_community.tools.gmail.create_draft import GmailCreateDraft\nGmailCreateDraft(api_resource=r)', []],
    ['sending mail is not reading it', 'import smtplib\nsmtplib.SMTP(host).sendmail(a, b, m)\nfrom googleapiclient.discovery import build\nbuild("gmail", "v1").users().messages().send(userId="me", body=b).execute()', []],
    ['Jira issue', 'from jira import JIRA\njira = JIRA(server=url, token_auth=t)\njira.issue("PAY-12")\njira.search_issues("project = SUP")', ['ticket']],
    ['Jira comment added is not read', 'from jira import JIRA\njira = JIRA(server=url)\njira.add_comment("PAY-12", "done")', []],
    ['Freshdesk REST', 'import requests\nrequests.get(f"https://{domain}.freshdesk.com/api/v2/tickets/{tid}", auth=(key, "X"))', ['ticket']],
    ['ServiceNow incidents', 'import httpx\nhttpx.get(f"https://{inst}.service-now.com/api/now/table/incident?sysparm_limit=10")', ['ticket']],
    ['Intercom conversations', 'import requests\nrequests.get("https://api.intercom.io/conversations", headers=h)', ['ticket']],
    ['a ticket update is a write, not a read', 'import requests\nrequests.put(f"https://{s}.zendesk.com/api/v2/tickets/{tid}.json", json=body)', []],
    ['GitLab notes', 'import gitlab\ngl = gitlab.Gitlab(url, private_token=t)\ngl.projects.get(pid).mergerequests.get(iid).notes.list()', ['code-comment']],
    ['GitHub REST issue comments', 'import requests\nrequests.get(f"https://api.github.com/repos/{owner}/{repo}/issues/{n}/comments", headers=h)', ['code-comment']],
    ['Slack channel history', 'from slack_sdk import WebClient\nWebClient(token=t).conversations_history(channel=c, limit=50)', ['chat-message']],
    ['Slack app_mention handler', 'from slack_bolt import App\napp = App()\n@app.event("app_mention")\ndef mention(event, say):\n    say(event["text"])', ['chat-message']],
    ['Discord on_message', 'import discord\nclient = discord.Client(intents=i)\n@client.event\nasync def on_message(message):\n    await message.reply("hi")', ['chat-message']],
    ['Discord on_ready is not a message', 'import discord\nclient = discord.Client(intents=i)\n@client.event\nasync def on_ready():\n    print("up")', []],
    ['Slack posting is not reading', 'from slack_sdk import WebClient\nWebClient(token=t).chat_postMessage(channel="#ops", text=x)', []],
    ['Teams channel messages through Graph', 'from msgraph import GraphServiceClient\ng = GraphServiceClient(credentials=c)\nawait g.teams.by_team_id(t).channels.by_channel_id(c).messages.get()', ['chat-message']],
    ['DuckDuckGo and Firecrawl', 'from duckduckgo_search import DDGS\nfrom firecrawl import FirecrawlApp\nDDGS().text(q, max_results=5)\nFirecrawlApp(api_key=k).scrape_url(u)', ['web-page']],
    ["PydanticAI's common search tool handed to an agent", 'from pydantic_ai import Agent\nfrom pydantic_ai.common_tools.duckduckgo import duckduckgo_search_tool\nagent = Agent("openai:gpt-4o", tools=[duckduckgo_search_tool()])', ['web-page']],
    ['a fetch outside any tool is not a model-chosen page', 'import requests\nrequests.get(url)', []],
    ['a tool fetching our own API under a configured base is not a web page', 'import requests\nfrom langchain_core.tools import tool\n@tool\ndef plan(pid: str) -> dict:\n    """Plan."""\n    return requests.get(f"{PLANS_API}/plans/{pid}").json()', []],
    ['a tool fetching a model-chosen URL with httpx', 'import httpx\nfrom langchain_core.tools import tool\n@tool\nasync def fetch(url: str) -> str:\n    """Fetch."""\n    async with httpx.AsyncClient() as c:\n        return (await c.get(url)).text', ['web-page']],
    ['LlamaIndex reads a folder of documents', 'from llama_index.core import SimpleDirectoryReader\ndocs = SimpleDirectoryReader("inbox/attachments").load_data()', ['document']],
    ['Unstructured partitions a file', 'from unstructured.partition.auto import partition\npartition(filename=path)', ['document']],
    ['our own database is not outside content', 'import psycopg\nconn = psycopg.connect(dsn)\nconn.execute("SELECT body FROM tickets WHERE id = %s", (i,))', []],
  ];
  for (const [name, body, kinds] of cases) {
    it(name, async () => {
      expect(kindsOf(await analyzed('snippet.py', `import openai\n${body}\n`))).toEqual(kinds);
    });
  }
});

describe('each untrusted input kind, TypeScript', () => {
  const cases: Array<[string, string, string[]]> = [
    ['node-imap', "import Imap from 'imap';\nconst imap = new Imap({ user, password, host });\nimap.seq.fetch('1:5', { bodies: '' });", ['email']],
    ['a raw message parsed with mailparser', "import { simpleParser } from 'mailparser';\nconst mail = await simpleParser(source);", ['email']],
    ['Outlook mail through the Graph client', "import { Client } from '@microsoft/microsoft-graph-client';\nconst graph = Client.init({ authProvider });\nawait graph.api('/me/messages').get();", ['email']],
    ['sending through Graph is not reading', "import { Client } from '@microsoft/microsoft-graph-client';\nconst graph = Client.init({ authProvider });\nawait graph.api('/me/sendMail').post({ message });", []],
    ['nodemailer sends, it does not read', "import nodemailer from 'nodemailer';\nnodemailer.createTransport(opts).sendMail({ to, text });", []],
    ['Zendesk tickets through fetch', 'const t = await fetch(`https://${sub}.zendesk.com/api/v2/tickets/${id}/comments.json`, { headers });', ['ticket']],
    ['Jira through jira.js', "import { Version3Client } from 'jira.js';\nconst jira = new Version3Client({ host });\nawait jira.issues.getIssue({ issueIdOrKey: key });", ['ticket']],
    ['Intercom conversations', "import { IntercomClient } from 'intercom-client';\nconst intercom = new IntercomClient({ token });\nawait intercom.conversations.find({ conversation_id: id });", ['ticket']],
    ['Octokit review comments', "import { Octokit } from '@octokit/rest';\nconst octokit = new Octokit({ auth });\nawait octokit.rest.pulls.listReviewComments({ owner, repo, pull_number });", ['code-comment']],
    ["Probot's context.octokit", "export default (app) => app.on('issues.opened', async (context) => {\n  const issue = await context.octokit.issues.get(context.issue());\n});", ['code-comment']],
    ['commenting on an issue is an action', "import { Octokit } from '@octokit/rest';\nconst octokit = new Octokit({ auth });\nawait octokit.rest.issues.createComment({ owner, repo, issue_number, body });", []],
    ['GitLab merge request notes', "import { Gitlab } from '@gitbeaker/rest';\nconst gl = new Gitlab({ token });\nawait gl.MergeRequestNotes.all(projectId, iid);", ['code-comment']],
    ['Slack thread replies from a Bolt handler', "import { App } from '@slack/bolt';\nconst app = new App({ token });\napp.message(async ({ message, client }) => {\n  await client.conversations.replies({ channel: message.channel, ts: message.ts });\n});", ['chat-message']],
    ['Slack posting is not reading', "import { WebClient } from '@slack/web-api';\nnew WebClient(token).chat.postMessage({ channel, text });", []],
    ['Teams channel messages through Graph', "import { Client } from '@microsoft/microsoft-graph-client';\nconst graph = Client.init({ authProvider });\nawait graph.api('/teams/sales/channels/general/messages').get();", ['chat-message']],
    ['a node-telegram-bot-api polling bot\u2019s message handler', "import TelegramBot from 'node-telegram-bot-api';\nconst bot = new TelegramBot(token, { polling: true });\nbot.on('message', async (msg) => answer(msg.text));", ['chat-message']],
    ['a raw Telegram webhook: an Express route reading the update off req.body', "app.post(`/bot${token}`, async (req, res) => {\n  const chatId = req.body.message.chat.id;\n  const reply = await answer(req.body.message.text);\n});", ['chat-message']],
    ['a raw Telegram webhook: a route handler parsing the update, a handler given it', 'export async function POST(request: Request) {\n  const update = await request.json();\n  await handleUpdate(update);\n  return answer(update.message?.text);\n}\nasync function handleUpdate(update: Update) {\n  if (!update.message?.text) return;\n}', ['chat-message']],
    ['the chat id off the same body is not the message', 'app.post("/hook", (req, res) => notify(req.body.message.chat.id, req.body.status.text));', []],
    ['Telegraf v4 filters a handler to messages with the message filter', "import { Telegraf } from 'telegraf';\nimport { message } from 'telegraf/filters';\nconst bot = new Telegraf(token);\nbot.on(message('text'), async (ctx) => ctx.reply(await answer(ctx.message.text)));", ['chat-message']],
    ['a node-telegram-bot-api bot\u2019s photo handler is not a text message', "import TelegramBot from 'node-telegram-bot-api';\nconst bot = new TelegramBot(token, { polling: true });\nbot.on('photo', async (msg) => save(msg.photo));", []],
    ['Agentic\u2019s Tavily client handed to the AI SDK as tools (esm.sh import, as in a Deno function)', "import { TavilyClient } from 'https://esm.sh/@agentic/tavily';\nimport { createAISDKTools } from 'https://esm.sh/@agentic/ai-sdk';\nconst tools = createAISDKTools(new TavilyClient({ apiKey }));", ['web-page']],
    ['Firecrawl scrape', "import FirecrawlApp from '@mendable/firecrawl-js';\nconst fc = new FirecrawlApp({ apiKey });\nawait fc.scrapeUrl(url);", ['web-page']],
    ['LangChain.js web loader', "import { CheerioWebBaseLoader } from '@langchain/community/document_loaders/web/cheerio';\nawait new CheerioWebBaseLoader(url).load();", ['web-page']],
    ['a fetch outside any tool is not a model-chosen page', 'const res = await fetch(url);', []],
    ['a Playwright page opened in a tool', "import { tool } from 'ai';\nimport { chromium } from 'playwright';\nexport const browse = tool({ description: 'b', execute: async ({ url }) => {\n  const page = await (await chromium.launch()).newPage();\n  await page.goto(url);\n  return page.content();\n} });", ['web-page']],
    ['a PDF parsed from an upload', "import pdf from 'pdf-parse';\nconst parsed = await pdf(buffer);", ['document']],
    ['a Word document read with mammoth', "import mammoth from 'mammoth';\nawait mammoth.extractRawText({ path });", ['document']],
  ];
  for (const [name, body, kinds] of cases) {
    it(name, async () => {
      expect(kindsOf(await analyzed('snippet.ts', `import OpenAI from 'openai';\n${body}\n`))).toEqual(kinds);
    });
  }
});

describe('injection scanners', () => {
  const cases: Array<[string, string, string, string[]]> = [
    ['LLM Guard PromptInjection', 'snippet.py', 'from llm_guard.input_scanners import PromptInjection\nfrom llm_guard import scan_prompt\nscan_prompt([PromptInjection()], text)', ['llm_guard.input_scanners.PromptInjection']],
    ['LLM Guard scan_prompt with other scanners is not an injection scan', 'snippet.py', 'from llm_guard.input_scanners import BanSubstrings\nfrom llm_guard import scan_prompt\nscan_prompt([BanSubstrings(substrings=s)], text)', []],
    ['Rebuff', 'snippet.py', 'from rebuff import RebuffSdk\nrb = RebuffSdk(openai_apikey=k, pinecone_apikey=p, pinecone_index=i)\nrb.detect_injection(user_input)', ['rebuff.RebuffSdk().detect_injection']],
    ['ProtectAI deberta classifier', 'snippet.py', 'from transformers import pipeline\nclassifier = pipeline("text-classification", model="protectai/deberta-v3-base-prompt-injection-v2")', ['"protectai/deberta-v3-base-prompt-injection-v2"']],
    ['Meta Prompt Guard', 'snippet.py', 'from transformers import pipeline\npipeline("text-classification", model="meta-llama/Llama-Prompt-Guard-2-86M")', ['"meta-llama/Llama-Prompt-Guard-2-86M"']],
    ['Guardrails AI DetectJailbreak', 'snippet.py', 'from guardrails import Guard\nfrom guardrails.hub import DetectJailbreak\nguard = Guard().use(DetectJailbreak)', ['import guardrails.hub']],
    ['NeMo input rails written inline', 'snippet.py', 'from nemoguardrails import LLMRails, RailsConfig\nYAML = """\nrails:\n  input:\n    flows:\n      - self check input\n      - jailbreak detection heuristics\n"""\nrails = LLMRails(RailsConfig.from_content(yaml_content=YAML))', ['"self check input"']],
    ['Llama Guard filters content, it does not scan for injected instructions', 'snippet.py', 'from transformers import pipeline\npipeline("text-generation", model="meta-llama/Llama-Guard-3-8B")', []],
    ['an OpenAI Agents SDK input guardrail is not by itself an injection scan', 'snippet.py', 'from agents import Agent, input_guardrail\n@input_guardrail\nasync def homework(ctx, agent, text):\n    return None\nagent = Agent(name="a", input_guardrails=[homework])', []],
    ['Prompt Shields through the REST client', 'snippet.ts', "import createClient from '@azure-rest/ai-content-safety';\nconst client = createClient(endpoint, credential);\nawait client.path('/text:shieldPrompt').post({ body: { userPrompt, documents } });", ['"text:shieldPrompt"']],
    ['Lakera Guard over HTTP', 'snippet.ts', "await fetch('https://api.lakera.ai/v2/guard', { method: 'POST', body: JSON.stringify({ messages }) });", ['"api.lakera.ai/v2/guard"']],
  ];
  for (const [name, path, body, details] of cases) {
    it(name, async () => {
      const header = path.endsWith('.py') ? 'import openai\n' : "import OpenAI from 'openai';\n";
      expect(scans(await analyzed(path, `${header}${body}\n`))).toEqual(details);
    });
  }
});

describe('the untrusted-input rule category', () => {
  const pack = () => JSON.parse(readFileSync(join(import.meta.dirname, '../../../resources/rules/code.json'), 'utf8')) as { rules: Array<Record<string, unknown>> };

  it('a disabled rule reads nothing', async () => {
    const rules = loadCodeRules(pack(), new Set(['py.untrusted-input.imap']));
    expect((await analyzed('inbox.py', fixture('untrusted/inbox_assistant.py'), rules)).untrustedInputs).toEqual([]);
    expect((await analyzed('inbox.py', fixture('untrusted/inbox_assistant.py'), RULES)).untrustedInputs).toHaveLength(1);
  });

  it('rejects a rule with no vocabulary, an unknown kind, or urlPatterns without their argument', () => {
    const base = { id: 'py.untrusted-input.x', category: 'untrusted-input', description: 'x', languages: ['python'], confidence: 0.9 };
    const problems = [
      { ...base, kind: 'email' },
      { ...base, kind: 'fax', calls: ['fax.read'] },
      { ...base, kind: 'ticket', calls: ['requests.get'], urlPatterns: ['zendesk'] },
      { ...base, kind: 'ticket', calls: ['requests.get'], argument: 'url-pattern', urlPatterns: ['(unclosed'] },
      { ...base, kind: 'chat-message', decoratedNames: ['on_message'], calls: ['x'] },
    ];
    for (const rule of problems) expect(() => loadCodeRules({ rules: [...pack().rules, rule] }), JSON.stringify(rule)).toThrow(/invalid code rule pack/);
  });
});
