import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintSecret } from '../secret-fingerprint';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { analyzed, fixture, toolSummary } from './test-helpers';

describe('Python agent frameworks (fixtures)', () => {
  it('LangGraph support agent: tools, their capabilities through helpers, guardrails, entry point', async () => {
    const findings = await analyzed('support/agent.py', fixture('python/langgraph_support_agent.py'));
    expect(findings.llm).toMatchObject([{ provider: 'openai', sdk: 'langchain_openai.ChatOpenAI', models: ['gpt-4o'] }]);
    expect(findings.frameworks.map((use) => use.framework)).toContain('langgraph');
    // refund_order reads through the module-level helper _payment_intent(): followed one level.
    expect(toolSummary(findings)).toEqual(['lookup_order: data-read', 'refund_order: data-read, data-write, payment']);
    expect(findings.guardrails.map((guardrail) => `${guardrail.kind} ${guardrail.detail}`)).toEqual(
      expect.arrayContaining(['human-approval langgraph.types.interrupt', 'tracing import langsmith', 'token-limit max_tokens=800', 'token-limit recursion_limit=12']),
    );
    expect(findings.credentials.map((credential) => `${credential.name}:${credential.provider}`)).toEqual(['STRIPE_SECRET_KEY:stripe', 'SUPPORT_DATABASE_URL:null']);
    expect(findings.localImports).toEqual(expect.arrayContaining(['support.config', '.notify']));
    expect(findings.entryPoint).toMatchObject({ ruleId: 'py.entry-point.main-guard', line: 90 });
    expect(findings.agentic).toBe(true);
  });

  it('CrewAI: a BaseTool subclass named by its attribute, the same class listed as an instance, agent flags', async () => {
    const findings = await analyzed('crew/main.py', fixture('python/crewai_research_crew.py'));
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['crewai']);
    expect(toolSummary(findings)).toEqual(['SerperDevTool:', 'save_report: file-write']);
    expect(findings.capabilities).toContainEqual(expect.objectContaining({ kind: 'code-execution', detail: 'allow_code_execution=True', tool: null }));
    expect(findings.guardrails.map((guardrail) => guardrail.detail)).toEqual(expect.arrayContaining(['args_schema', 'human_input=True', 'max_iter=8']));
    expect(findings.llm).toMatchObject([{ provider: 'openai', sdk: 'crewai.Agent', models: ['gpt-4o-mini'] }]);
  });

  it('AutoGen: a function registered for the LLM is a tool; a code executor is code execution', async () => {
    const findings = await analyzed('fixer.py', fixture('python/autogen_data_fixer.py'));
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['autogen']);
    expect(toolSummary(findings)).toEqual(['dedupe_customers: data-delete']);
    expect(findings.capabilities).toContainEqual(expect.objectContaining({ kind: 'code-execution', detail: 'code_execution_config=…' }));
    expect(findings.guardrails.map((guardrail) => guardrail.detail)).toContain('max_consecutive_auto_reply=10');
  });

  it('OpenAI Agents SDK: function tools with shell, computed-URL HTTP and a webhook host', async () => {
    const findings = await analyzed('ops.py', fixture('python/openai_agents_ops.py'));
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['openai-agents']);
    expect(findings.llm).toMatchObject([{ provider: 'openai', sdk: 'agents.Agent', models: ['gpt-4.1'] }]);
    expect(toolSummary(findings)).toEqual(['fetch_status: outbound-network', 'page_oncall: external-communication', 'restart_service: shell-exec']);
    expect(findings.endpoints).toMatchObject([{ host: 'events.pagerduty.com', purpose: 'webhook' }]);
    expect(findings.guardrails.map((guardrail) => guardrail.detail)).toEqual(expect.arrayContaining(['max_tokens=600', 'max_turns=6']));
  });

  it('hand-written Anthropic loop: schema tools bound to their handlers through a dispatch table', async () => {
    const findings = await analyzed('jobs/chase_invoices.py', fixture('python/anthropic_tool_loop.py'));
    expect(findings.llm).toMatchObject([{ provider: 'anthropic', sdk: 'anthropic.Anthropic', models: ['claude-sonnet-4-20250514'] }]);
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['tool-call-loop']);
    expect(toolSummary(findings)).toEqual(['archive_invoice: data-delete', 'list_invoices: data-read', 'send_reminder: external-communication']);
    expect(findings.agentic).toBe(true);
  });

  it('FastMCP server: decorated tools, a tool renamed by its decorator, file writes scoped to each tool', async () => {
    const findings = await analyzed('mcp/server.py', fixture('python/mcp_file_server.py'));
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['mcp-server']);
    expect(toolSummary(findings)).toEqual(['read_file:', 'remove_tree: file-write', 'write_file: file-write']);
    expect(findings.entryPoint).toMatchObject({ ruleId: 'py.entry-point.server-start', line: 32 });
  });

  it('a one-shot summariser in a web handler is an LLM use, not an agent', async () => {
    const findings = await analyzed('legal/api.py', fixture('python/summariser_api.py'));
    expect(findings.agentic).toBe(false);
    expect(findings.tools).toEqual([]);
    expect(findings.llm).toMatchObject([{ provider: 'azure-openai', sdk: 'openai.AzureOpenAI', models: ['legal-gpt4o-prod'] }]);
    expect(findings.endpoints).toMatchObject([{ host: 'acme-legal.openai.azure.com', purpose: 'inference' }]);
    expect(findings.entryPoint).toMatchObject({ ruleId: 'py.entry-point.route-decorator', line: 20 });
  });
});

describe('Python agent frameworks (snippets)', () => {
  it('PydanticAI: provider from the model string, @agent.tool tools', async () => {
    const findings = await analyzed(
      'agent.py',
      `import os
from pydantic_ai import Agent, RunContext

agent = Agent("anthropic:claude-3-5-haiku-latest", system_prompt="Tidy the upload folder.")

@agent.tool
def remove_upload(ctx: RunContext[str], name: str) -> str:
    os.remove(f"/srv/uploads/{name}")
    return "removed"
`,
    );
    expect(findings.llm).toMatchObject([{ provider: 'anthropic', sdk: 'pydantic_ai.Agent', models: ['claude-3-5-haiku-latest'] }]);
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['pydantic-ai']);
    expect(toolSummary(findings)).toEqual(['remove_upload: file-write']);
  });

  it('smolagents: CodeAgent runs model-written code; @tool functions are tools', async () => {
    const findings = await analyzed(
      'research.py',
      `from smolagents import CodeAgent, InferenceClientModel, tool

@tool
def get_rate(currency: str) -> float:
    """Exchange rate."""
    return 1.0

agent = CodeAgent(tools=[get_rate], model=InferenceClientModel(model_id="meta-llama/Llama-3.3-70B-Instruct"), max_steps=4)
`,
    );
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['smolagents']);
    expect(findings.capabilities).toContainEqual(expect.objectContaining({ kind: 'code-execution', detail: 'smolagents.CodeAgent', tool: null }));
    expect(toolSummary(findings)).toEqual(['get_rate:']);
    expect(findings.llm[0]).toMatchObject({ models: ['meta-llama/Llama-3.3-70B-Instruct'] });
  });

  it('Google ADK: plain functions in tools= are tools', async () => {
    const findings = await analyzed(
      'adk_agent/agent.py',
      `import requests
from google.adk.agents import Agent

def get_weather(city: str) -> dict:
    return requests.get(WEATHER_URL, params={"q": city}).json()

root_agent = Agent(name="weather", model="gemini-2.0-flash", instruction="Answer weather questions.", tools=[get_weather])
`,
    );
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['google-adk']);
    expect(findings.llm).toMatchObject([{ provider: 'google', models: ['gemini-2.0-flash'] }]);
    expect(toolSummary(findings)).toEqual(['get_weather: outbound-network']);
  });

  it('Semantic Kernel: kernel functions of a plugin class are tools', async () => {
    const findings = await analyzed(
      'kernel.py',
      `import subprocess
from semantic_kernel import Kernel
from semantic_kernel.functions import kernel_function

class DeployPlugin:
    @kernel_function(name="deploy", description="Deploy a service")
    def deploy(self, service: str) -> str:
        return subprocess.check_output(["./deploy.sh", service]).decode()

kernel = Kernel()
kernel.add_plugin(DeployPlugin(), plugin_name="deploy")
`,
    );
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['semantic-kernel']);
    expect(toolSummary(findings)).toEqual(['deploy: shell-exec']);
  });

  it('LlamaIndex: FunctionTool.from_defaults wraps a function; ReActAgent is an agent', async () => {
    const findings = await analyzed(
      'rag_agent.py',
      `from llama_index.core.agent import ReActAgent
from llama_index.core.tools import FunctionTool
from llama_index.llms.openai import OpenAI

def wipe_cache(prefix: str) -> str:
    redis_client.delete_many({"prefix": prefix})
    return "ok"

cache_tool = FunctionTool.from_defaults(fn=wipe_cache)
agent = ReActAgent.from_tools([cache_tool], llm=OpenAI(model="gpt-4o-mini"), max_iterations=5)
`,
    );
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['llamaindex']);
    expect(findings.agentic).toBe(true);
    expect(toolSummary(findings)).toEqual(['cache_tool: data-delete']);
    expect(findings.llm).toMatchObject([{ provider: 'openai', sdk: 'llama_index.llms.openai.OpenAI', models: ['gpt-4o-mini'] }]);
  });

  it('LangChain AgentExecutor with ShellTool and PythonREPLTool: each listed tool has its capability', async () => {
    const findings = await analyzed(
      'devbox.py',
      `from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_community.tools import ShellTool
from langchain_experimental.tools import PythonREPLTool
from langchain_anthropic import ChatAnthropic

llm = ChatAnthropic(model="claude-3-5-sonnet-latest")
tools = [ShellTool(), PythonREPLTool()]
agent = create_tool_calling_agent(llm, tools, prompt)
executor = AgentExecutor(agent=agent, tools=tools, max_iterations=10)
`,
    );
    expect(findings.frameworks[0]).toMatchObject({ framework: 'langchain' });
    expect(findings.agentic).toBe(true);
    expect(toolSummary(findings)).toEqual(['PythonREPLTool: code-execution', 'ShellTool: shell-exec']);
  });

  it('plain SDK clients: Bedrock through boto3, Gemini, LiteLLM with a provider-prefixed model', async () => {
    const findings = await analyzed(
      'clients.py',
      `import boto3, litellm
from google import genai

bedrock = boto3.client("bedrock-runtime", region_name="eu-west-1")
reply = bedrock.converse(modelId="anthropic.claude-3-haiku-20240307-v1:0", messages=[])
gemini = genai.Client(api_key=KEY)
answer = gemini.models.generate_content(model="gemini-2.5-flash", contents="hi")
summary = litellm.completion(model="anthropic/claude-3-haiku-20240307", messages=[])
`,
    );
    expect(findings.llm.map((use) => `${use.provider} ${use.sdk} ${use.models.join(',')}`)).toEqual([
      'bedrock boto3.client(bedrock-runtime) anthropic.claude-3-haiku-20240307-v1:0',
      'google google.genai.Client gemini-2.5-flash',
      'anthropic litellm.completion claude-3-haiku-20240307',
    ]);
    expect(findings.agentic).toBe(false);
  });

  it('OpenAI function calling: a {"type": "function"} schema runs the same-name function', async () => {
    const findings = await analyzed(
      'assistant.py',
      `import json, subprocess
from openai import OpenAI

client = OpenAI()
TOOLS = [{"type": "function", "function": {"name": "run_tests", "parameters": {"type": "object", "properties": {}}}}]

def run_tests():
    return subprocess.run(["pytest", "-q"], capture_output=True).stdout

def chat(messages):
    while True:
        response = client.chat.completions.create(model="o4-mini", messages=messages, tools=TOOLS)
        message = response.choices[0].message
        if not message.tool_calls:
            return message.content
        for call in message.tool_calls:
            messages.append({"role": "tool", "tool_call_id": call.id, "content": run_tests()})
`,
    );
    expect(toolSummary(findings)).toEqual(['run_tests: shell-exec']);
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['tool-call-loop']);
    expect(findings.llm[0]).toMatchObject({ provider: 'openai', models: ['o4-mini'] });
  });

  it('a tool loop whose model call is a helper posting to the provider API is a hand-written agent loop', async () => {
    const source = `import requests

CHAT_URL = "https://api.openai.com/v1/chat/completions"

def post_chat(messages, tools):
    response = requests.post(CHAT_URL, json={"model": "gpt-4o-mini", "messages": messages, "tools": tools}, timeout=60)
    return response.json()

def answer(messages, tools, handlers):
    while True:
        message = post_chat(messages, tools)["choices"][0]["message"]
        if not message.get("tool_calls"):
            return message["content"]
        for call in message["tool_calls"]:
            messages.append({"role": "tool", "tool_call_id": call["id"], "content": handlers[call["function"]["name"]]()})
`;
    const findings = await analyzed('chat.py', source);
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['tool-call-loop']);
    expect(findings.agentic).toBe(true);
    // The same helper polled in a loop that never reads tool calls is a one-shot completion.
    const polled = await analyzed('poll.py', source.replace(/while True:[\s\S]*/, 'for prompt in messages:\n        print(post_chat([prompt], [])["choices"][0]["message"]["content"])\n'));
    expect(polled.frameworks).toEqual([]);
  });
});

describe('capabilities are tied to the tool whose body they are in', () => {
  const twoFunctions = `import subprocess
from langchain_core.tools import tool

def rotate_logs():
    subprocess.run(["logrotate", "/etc/logrotate.conf"])

@tool
def disk_usage(path: str) -> str:
    """Report disk usage."""
    return subprocess.check_output(["du", "-sh", path]).decode()
`;

  it('subprocess in a helper no tool calls stays with no tool; subprocess inside the @tool belongs to it', async () => {
    const findings = await analyzed('ops_tools.py', twoFunctions);
    expect(toolSummary(findings)).toEqual(['disk_usage: shell-exec']);
    expect(findings.capabilities.map((capability) => `${capability.detail}@${capability.evidence.line} -> ${capability.tool}`)).toEqual([
      'subprocess.run@5 -> null',
      'subprocess.check_output@10 -> disk_usage',
    ]);
  });

  it('a same-file helper called by a tool passes its capability on, marked "via", with the helper\'s evidence line', async () => {
    const findings = await analyzed(
      'tools.py',
      `import os
from agents import function_tool

def _delete(path):
    os.remove(path)

def _purge(folder):
    for name in os.listdir(folder):
        _delete(os.path.join(folder, name))

@function_tool
def purge_cache(folder: str) -> str:
    _purge(folder)
    return "done"
`,
    );
    // Only the tool runs the helper: the finding is the tool's alone, so a module importing this file without giving the tool to an agent gains nothing.
    expect(findings.capabilities).toEqual([
      expect.objectContaining({ kind: 'file-write', detail: 'os.remove (via _delete())', tool: 'purge_cache', evidence: expect.objectContaining({ line: 5 }) }),
    ]);
  });

  it('helpers are followed three calls deep, not further', async () => {
    const findings = await analyzed(
      'deep.py',
      `import os
from langchain_core.tools import tool

def level4(): os.system("reboot")
def level3(): level4()
def level2(): level3()
def level1(): level2()

def b3(): os.system("uptime")
def b2(): b3()
def b1(): b2()

@tool
def deep() -> str:
    """Deep."""
    level1()

@tool
def shallow() -> str:
    """Shallow."""
    b1()
`,
    );
    expect(toolSummary(findings)).toEqual(['deep:', 'shallow: shell-exec']);
  });

  it('methods of a tool class and self.helper() calls belong to the tool', async () => {
    const findings = await analyzed(
      'db_tool.py',
      `from langchain_core.tools import BaseTool

class DropTableTool(BaseTool):
    name: str = "drop_table"
    description: str = "Drop a table"

    def _run(self, table: str) -> str:
        return self._exec(f"DROP TABLE {table}")

    def _exec(self, sql):
        return self.conn.execute(sql)
`,
    );
    expect(toolSummary(findings)).toEqual(['drop_table:']);
    // The SQL is built in _run and run in _exec: the statement is not visible at the execute call.
    const direct = await analyzed(
      'db_tool.py',
      `from langchain_core.tools import BaseTool

class DropTableTool(BaseTool):
    name: str = "drop_table"

    def _run(self, table: str) -> str:
        return self._exec(table)

    def _exec(self, table):
        return self.conn.execute(f"DROP TABLE {table}")
`,
    );
    expect(toolSummary(direct)).toEqual(['drop_table: data-delete']);
  });
});

describe('each Python capability kind', () => {
  const cases: Array<[string, string, string[]]> = [
    ['shell', 'import os\nos.popen(cmd)', ['shell-exec']],
    ['eval of a variable', 'exec(model_output)', ['code-execution']],
    ['eval of a literal is not code execution', 'eval("1 + 1")', []],
    ['HTTP to a computed URL', 'import requests\nrequests.post(target_url, json=payload)', ['outbound-network']],
    ['HTTP to a literal host is an endpoint, not a capability', 'import requests\nrequests.get("https://api.github.com/repos")', []],
    ['HTTP to a host built at run time', 'import httpx\nhttpx.get(f"https://{tenant}.example.com/api")', ['outbound-network']],
    ['SQL read', 'cursor.execute("SELECT * FROM users")', ['data-read']],
    ['SQL write through text()', 'from sqlalchemy import text\nsession.execute(text("INSERT INTO audit VALUES (1)"))', ['data-write']],
    ['SQL delete from a constant', 'PURGE = "TRUNCATE events"\nconn.execute(PURGE)', ['data-delete']],
    ['ORM write and delete', 'db.session.add(user)\nUser.objects.filter(active=False).delete()', ['data-delete', 'data-write']],
    ['S3 put and delete', 'import boto3\ns3 = boto3.client("s3")\ns3.put_object(Bucket=b, Key=k, Body=x)\ns3.delete_object(Bucket=b, Key=k)', ['data-delete', 'data-write']],
    ['email', 'import smtplib\nwith smtplib.SMTP_SSL(host) as smtp:\n    smtp.send_message(msg)', ['external-communication']],
    ['Slack', 'from slack_sdk import WebClient\nslack = WebClient(token=t)\nslack.chat_postMessage(channel="#ops", text=t)', ['external-communication']],
    ['Slack webhook URL from the environment', 'import os, requests\nrequests.post(os.environ["SLACK_WEBHOOK_URL"], json=m)', ['external-communication', 'outbound-network']],
    ['Slack chat.postMessage over raw HTTP', 'import httpx\nawait httpx.AsyncClient().post("https://slack.com/api/chat.postMessage", json={"channel": c, "blocks": b}, headers=h)', ['external-communication']],
    ['data export', 'import boto3, ftplib\nboto3.client("s3").upload_file("/tmp/dump.csv", "partner-drop", "dump.csv")\nftp = ftplib.FTP("ftp.partner.example")', ['data-export']],
    ['file write', 'with open(path, "a") as log:\n    log.write(line)', ['file-write']],
    ['pandas reads SQL and writes a file', 'import pandas as pd\nframe = pd.read_sql("SELECT * FROM disputes", conn)\nframe.to_pickle("/tmp/disputes.pkl")', ['data-read', 'file-write']],
    ['file read is not a write', 'with open(path) as f:\n    data = f.read()\nopen(path, "rb")', []],
    ['payment', 'import stripe\nstripe.PaymentIntent.create(amount=100, currency="eur")', ['payment']],
    ['hosted code interpreter', 'client.responses.create(model="gpt-4.1", tools=[{"type": "code_interpreter", "container": {"type": "auto"}}])', ['code-execution']],
    ['a vector store search reads what it indexed', 'from langchain_community.vectorstores import FAISS\nstore = FAISS.load_local(path, embeddings)\ndocs = store.similarity_search(question, k=3)', ['data-read']],
  ];
  for (const [name, body, kinds] of cases) {
    it(name, async () => {
      const findings = await analyzed('snippet.py', `import openai\n${body}\n`);
      expect([...new Set(findings.capabilities.map((capability) => capability.kind))].sort()).toEqual(kinds);
    });
  }
});

describe('Python credentials, endpoints, guardrails and entry points', () => {
  it('env vars: secrets by name with a provider guess; plain settings are not credentials', async () => {
    const findings = await analyzed(
      'settings.py',
      `import os
from os import environ
import openai
KEY = os.environ["OPENAI_API_KEY"]
LEVEL = os.getenv("LOG_LEVEL", "INFO")
DB = environ.get("ORDERS_DB_PASSWORD")
GH = os.environ.get("GH_TOKEN")
`,
    );
    expect(findings.credentials.map((credential) => `${credential.kind} ${credential.name} ${credential.provider}`)).toEqual([
      'env-var OPENAI_API_KEY openai',
      'env-var ORDERS_DB_PASSWORD null',
      'env-var GH_TOKEN github',
    ]);
  });

  it('a hard-coded sk-proj key is kept only as a keyed fingerprint and its public prefix and length, nothing of it in clear', async () => {
    const key = 'sk-proj-Zx9' + 'Q'.repeat(30) + 'a1B2';
    const findings = await analyzed('leaky.py', `from openai import OpenAI\nclient = OpenAI(api_key="${key}")\n`);
    const fingerprint = fingerprintSecret(key, TEST_FINGERPRINT_KEY);
    expect(findings.credentials).toEqual([
      expect.objectContaining({ kind: 'hardcoded-secret', name: `openai key sk-proj-… (45 chars) #${fingerprint.slice(0, 6)}`, provider: 'openai', preview: 'sk-proj-… (45 chars)', fingerprint }),
    ]);
    const json = JSON.stringify(findings);
    expect(json).not.toContain(key.slice(8, 30));
    expect(json).not.toContain('a1B2');
    expect(json).not.toContain(createHash('sha256').update(key).digest('hex'));
  });

  it('a literal api_key of no known shape is a secret too, shown by its name only; placeholders are not', async () => {
    const findings = await analyzed('vendor.py', `import anthropic\na = anthropic.Anthropic(api_key="9f8e7d6c5b4a39281706")\nb = anthropic.Anthropic(api_key="your-api-key-here")\n`);
    expect(findings.credentials).toEqual([expect.objectContaining({ kind: 'hardcoded-secret', name: expect.stringMatching(/^api_key #[0-9a-f]{6}$/), preview: null })]);
    expect(JSON.stringify(findings)).not.toContain('1706');
  });

  it('a connection string is named by its host; the password is fingerprinted, never kept', async () => {
    const findings = await analyzed('db.py', `import openai\nDSN = "postgresql://agent:Tr0ub4dor&3@orders-db.internal:5432/orders"\n`);
    expect(findings.credentials).toEqual([
      expect.objectContaining({ kind: 'connection-string', name: 'postgresql://orders-db.internal', provider: 'postgresql', preview: null, fingerprint: fingerprintSecret('Tr0ub4dor&3', TEST_FINGERPRINT_KEY) }),
    ]);
    expect(JSON.stringify(findings)).not.toContain('Tr0ub4dor');
    expect(JSON.stringify(findings)).not.toContain('dor&3');
  });

  it('an AWS secret access key is recognised by the name beside it, however it is written', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ7zXkey01';
    const findings = await analyzed(
      'aws.py',
      `import boto3\nimport openai\nAWS_SECRET_ACCESS_KEY = "${secret}"\ns3 = boto3.client("s3", aws_secret_access_key="${secret}")\nOTHER = "${secret.split('').reverse().join('')}"\n`,
    );
    expect(findings.credentials).toEqual([
      expect.objectContaining({ kind: 'hardcoded-secret', provider: 'aws', name: expect.stringMatching(/^aws secret access key \(40 chars\) #[0-9a-f]{6}$/), fingerprint: fingerprintSecret(secret, TEST_FINGERPRINT_KEY) }),
    ]);
    expect(JSON.stringify(findings)).not.toContain('Q7zX');
  });

  it('base_url on an LLM client is an inference endpoint; on an HTTP client, an API', async () => {
    const findings = await analyzed(
      'gateway.py',
      `import httpx
from openai import OpenAI
llm = OpenAI(base_url="http://litellm.platform.svc:4000/v1")
crm = httpx.Client(base_url="https://crm.acme.io/api")
crm.get("/contacts")
`,
    );
    expect(findings.endpoints.map((endpoint) => `${endpoint.host} ${endpoint.purpose}`).sort()).toEqual(['crm.acme.io api', 'litellm.platform.svc:4000 inference']);
    expect(findings.capabilities).toEqual([]);
  });

  it('approval prompts count as human approval; other prompts do not', async () => {
    const approve = await analyzed('cli.py', 'import openai\nif input("Approve the refund? [y/N] ") != "y":\n    raise SystemExit\n');
    const ask = await analyzed('cli.py', 'import openai\nname = input("Your name: ")\n');
    expect(approve.guardrails).toMatchObject([{ kind: 'human-approval', detail: 'input' }]);
    expect(ask.guardrails).toEqual([]);
  });

  it('human_input_mode counts only when it is ALWAYS', async () => {
    const always = await analyzed('a.py', 'import autogen\nautogen.UserProxyAgent(name="u", human_input_mode="ALWAYS")\n');
    const never = await analyzed('a.py', 'import autogen\nautogen.UserProxyAgent(name="u", human_input_mode="NEVER")\n');
    expect(always.guardrails.map((guardrail) => guardrail.detail)).toEqual(['human_input_mode=ALWAYS']);
    expect(never.guardrails).toEqual([]);
  });

  it('tracing from LANGCHAIN_TRACING_V2 and callback handlers', async () => {
    const findings = await analyzed('trace.py', 'import os\nimport openai\nos.environ["LANGCHAIN_TRACING_V2"] = "true"\n');
    expect(findings.guardrails).toMatchObject([{ kind: 'tracing', detail: 'LANGCHAIN_TRACING_V2' }]);
  });

  it.each([
    ['def lambda_handler(event, context):\n    return client.responses.create(model="gpt-4o", input="x")', 'py.entry-point.serverless-handler'],
    ['from celery import Celery\napp = Celery("jobs")\n@app.task\ndef nightly():\n    pass', 'py.entry-point.task-decorator'],
    ['import uvicorn\nuvicorn.run(app, port=8080)', 'py.entry-point.server-start'],
    ['def main():\n    pass\nmain()', 'py.entry-point.module-call'],
  ])('entry point: %s', async (body, ruleId) => {
    const findings = await analyzed('entry.py', `import openai\n${body}\n`);
    expect(findings.entryPoint?.ruleId).toBe(ruleId);
  });

  it("a package named like a known one plus more letters is the repository's own: discordgpt is not discord.py, autogen_core is autogen", async () => {
    const findings = await analyzed('discordgpt/app.py', 'import discord\nfrom discord.ext import commands\nfrom discordgpt.messaging.text_channel import handle_text_channel_message\nfrom phoenixdb_tools import query\nfrom autogen_core import AgentId\nfrom langchain_openai import ChatOpenAI\nimport openai\n');
    expect(findings.localImports).toEqual(expect.arrayContaining(['discordgpt.messaging.text_channel', 'discordgpt.messaging.text_channel.handle_text_channel_message', 'phoenixdb_tools', 'phoenixdb_tools.query']));
    expect(findings.localImports).not.toEqual(expect.arrayContaining(['discord']));
    expect(findings.localImports.filter((module) => /^(discord(\.|$)|autogen_core|langchain_openai)/.test(module))).toEqual([]);
  });

  it('a Gradio app launched with mcp_server=True is an MCP server; launch() alone, or with mcp_server=False, is a web UI', async () => {
    const app = (launch: string) => `import gradio as gr\nfrom textblob import TextBlob\n\ndef sentiment_analysis(text: str) -> str:\n    return str(TextBlob(text).sentiment)\n\ndemo = gr.Interface(fn=sentiment_analysis, inputs=gr.Textbox(), outputs=gr.JSON(), title="Sentiment")\n\nif __name__ == "__main__":\n    demo.launch(${launch})\n`;
    const served = await analyzed('server/app.py', app('server_port=7860, mcp_server=True'));
    expect(served.mcpServer).toMatchObject({ evidence: { ruleId: 'py.framework.gradio-mcp-server', line: 10 } });
    expect(served.frameworks.map((use) => use.framework)).toEqual(['mcp-server']);
    // Parsed for its OpenAI import: a UI calling a model is what such a file usually is.
    for (const launch of ['', 'mcp_server=False', 'share=True']) {
      const ui = await analyzed('ui/app.py', `import openai\n${app(launch)}`);
      expect(ui.mcpServer).toBeUndefined();
      expect(ui.frameworks).toEqual([]);
    }
  });

  it('a discord.py bot started at module level is an entry point', async () => {
    for (const body of ['client = discord.Client(intents=discord.Intents.default())\nclient.run(os.environ["DISCORD_TOKEN"])', 'bot = commands.Bot(command_prefix="!")\nbot.run(TOKEN)']) {
      const findings = await analyzed('bot.py', `import os\nimport discord\nfrom discord.ext import commands\nimport openai\nTOKEN = os.environ["DISCORD_TOKEN"]\n${body}\n`);
      expect(findings.entryPoint?.ruleId).toBe('py.entry-point.server-start');
    }
  });

  it('a main guard that starts a server is known by the server start (uvicorn, an Agno Playground app); a plain main guard stays one', async () => {
    for (const start of ['uvicorn.run(app, port=8080)', 'playground.serve_playground_app("main:app", reload=True)']) {
      const findings = await analyzed('main.py', `import uvicorn\nfrom agno import playground\nfrom teams import Desk\napp = playground.Playground(teams=[Desk]).get_app()\n\nif __name__ == "__main__":\n    ${start}\n`);
      expect(findings.entryPoint).toMatchObject({ ruleId: 'py.entry-point.server-start', line: 7 });
    }
    const cli = await analyzed('cli.py', 'import openai\n\nif __name__ == "__main__":\n    print(openai.OpenAI().responses.create(model="gpt-4o", input="hi").output_text)\n');
    expect(cli.entryPoint?.ruleId).toBe('py.entry-point.main-guard');
  });

  it("a LangChain SQL agent's toolkit lets the model read and write the database; a Chainlit message handler is the app's entry", async () => {
    const findings = await analyzed(
      'app.py',
      `import chainlit as cl
from langchain_community.agent_toolkits import SQLDatabaseToolkit, create_sql_agent
from langchain_community.utilities import SQLDatabase
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")

@cl.on_message
async def answer(message: cl.Message):
    toolkit = SQLDatabaseToolkit(db=SQLDatabase.from_uri("postgresql://reports@db/ledger"), llm=llm)
    executor = create_sql_agent(llm=llm, toolkit=toolkit)
    await cl.Message(content=executor.invoke({"input": message.content})["output"]).send()
`,
    );
    expect([...new Set(findings.capabilities.map((capability) => capability.kind))].sort()).toEqual(['data-read', 'data-write']);
    // create_sql_agent from the community toolkits (its current home) is a LangChain agent.
    expect(findings.agentic).toBe(true);
    expect(findings.entryPoint).toMatchObject({ ruleId: 'py.entry-point.route-decorator', line: 8 });
  });

  it('a Temporal worker run (or an RQ worker) is a queue worker entry, before the main guard that starts it', async () => {
    const findings = await analyzed(
      'worker.py',
      `import asyncio
from temporalio.client import Client
from temporalio.worker import Worker
from openai import AsyncOpenAI
from workflows.agent import AgentWorkflow

async def main():
    client = await Client.connect("localhost:7233")
    worker = Worker(client, task_queue="agent-task-queue", workflows=[AgentWorkflow], activities=[])
    await worker.run()

if __name__ == "__main__":
    asyncio.run(main())
`,
    );
    expect(findings.entryPoint).toMatchObject({ ruleId: 'py.entry-point.queue-worker', line: 10 });
  });

  it('a library module has no entry point and lists its relative imports', async () => {
    const findings = await analyzed('pkg/agent.py', 'from . import tools, prompts\nfrom ..db import session\nimport json\nimport openai\n');
    expect(findings.entryPoint).toBeNull();
    expect(findings.localImports).toEqual(['.tools', '.prompts', '..db', '..db.session']);
  });
});

describe('what is not a tool', () => {
  it('tools passed through a parameter are not invented; a module of plain helpers has no tools', async () => {
    const findings = await analyzed('factory.py', 'from crewai import Agent\n\ndef make_agent(tools):\n    return Agent(role="r", goal="g", backstory="b", tools=tools)\n');
    expect(findings.tools).toEqual([]);
    expect(findings.agentic).toBe(true);
  });
});

describe('LangChain agent toolkits', () => {
  it('create_python_agent with a single tool= is an agent whose tool runs code', async () => {
    const findings = await analyzed(
      'fx.py',
      `from langchain.agents.agent_toolkits import create_python_agent
from langchain.chat_models import ChatOpenAI
from langchain.tools.python.tool import PythonREPLTool

agent = create_python_agent(llm=ChatOpenAI(model_name="gpt-4"), tool=PythonREPLTool(), verbose=True)
`,
    );
    expect(findings.agentic).toBe(true);
    expect(toolSummary(findings)).toEqual(['PythonREPLTool: code-execution']);
    expect(findings.llm).toMatchObject([{ provider: 'openai', models: ['gpt-4'] }]);
  });
});

describe('a property stands for what it returns', () => {
  it('`self.anthropic` from `@property def anthropic(self): return Anthropic()` is the client: its call given tools makes an agent', async () => {
    const findings = await analyzed(
      'svc/client.py',
      `from anthropic import Anthropic


class TicketClient:
    def __init__(self, tools):
        self.tools = tools

    @property
    def anthropic(self):
        return Anthropic()

    def ask(self, question):
        return self.anthropic.messages.create(model="claude-sonnet-4-5", max_tokens=500, messages=[{"role": "user", "content": question}], tools=self.tools)
`,
    );
    expect(findings.llm).toMatchObject([{ provider: 'anthropic', models: ['claude-sonnet-4-5'] }]);
    expect(findings.agentic).toBe(true);
  });

  it('a cached_property returning an attribute set in __init__ resolves through it (OpenAI)', async () => {
    const findings = await analyzed(
      'svc/assistant.py',
      `from functools import cached_property

from openai import OpenAI


class Assistant:
    def __init__(self, tools):
        self._client = OpenAI()
        self.tools = tools

    @cached_property
    def client(self):
        if self._client is None:
            raise RuntimeError("closed")
        return self._client

    def answer(self, messages):
        return self.client.chat.completions.create(model="gpt-4.1", messages=messages, tools=self.tools)
`,
    );
    expect(findings.llm).toMatchObject([{ provider: 'openai' }]);
    expect(findings.agentic).toBe(true);
  });

  it('a property returning a store is not a model client, whatever its method is called', async () => {
    const findings = await analyzed(
      'svc/inbox.py',
      `from anthropic import Anthropic

from .store import InboxStore

anthropic = Anthropic()


class Inbox:
    tools = ["archive", "flag"]

    @property
    def store(self):
        return InboxStore()

    def file(self, text):
        self.store.messages.create(body=text, tools=self.tools)
        return anthropic.messages.create(model="claude-haiku-4-5", max_tokens=100, messages=[{"role": "user", "content": text}])
`,
    );
    expect(findings.llm).toMatchObject([{ provider: 'anthropic' }]);
    expect(findings.agentic).toBe(false);
  });
});
