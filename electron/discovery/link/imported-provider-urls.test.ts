import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { scanTreeFixture } from '../scan/test-scan-tree';

/** The agent-platform shape: raw `requests` posting to a provider URL kept in a settings module. */
const tree = scanTreeFixture('atw-provider-urls-');
const write = tree.write;
const scan = async (): Promise<DiscoveredAgent[]> => (await tree.scan()).agents;

const CONFIG = 'import os\nMODEL = os.getenv("OPENAI_MODEL", "gpt-4o-mini")\nOPENAI_API_URL = "https://api.openai.com/v1/chat/completions"\nSTATUS_URL = "https://status.northwind-pay.example/v1/ping"\n';
const caller = (url: string) =>
  `import os\nimport requests\nfrom tools.config import ${url}, MODEL\n\ndef suggest(lead):\n    headers = {"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"}\n    payload = {"model": MODEL, "messages": [{"role": "user", "content": lead}]}\n    return requests.post(${url}, json=payload, headers=headers, timeout=30).json()\n\nif __name__ == "__main__":\n    print(suggest("Acme"))\n`;

describe('raw HTTP calls to a URL constant of another module', () => {
  it('a provider URL imported from a settings module makes the call a model call, not a fetch of an unknown host', async () => {
    write('pipeline/tools/__init__.py', '');
    write('pipeline/tools/config.py', CONFIG);
    write('pipeline/tools/analyze.py', caller('OPENAI_API_URL'));
    const [item, ...rest] = await scan();
    expect(rest).toEqual([]);
    expect(item!.unit.path).toBe('pipeline/tools/analyze.py');
    expect(item!.llm.map((use) => `${use.provider} ${use.sdk} ${use.evidence.line}`)).toEqual(['openai requests.post https://api.openai.com/v1/chat/completions 8']);
    expect(item!.capabilities.map((capability) => capability.kind)).toEqual([]);
  });

  it('a URL built on an imported provider constant (an f-string, a local variable, a concatenation) is a model call too, named with what it adds', async () => {
    write('pipeline/tools/__init__.py', '');
    write('pipeline/tools/config.py', 'import os\nGEMINI_MODEL = "gemini-2.0-flash"\nGEMINI_BASE = "https://generativelanguage.googleapis.com/v1beta"\nGEMINI_API_URL = f"https://generativelanguage.googleapis.com/v1beta/models/{GEMINI_MODEL}:generateContent"\nGEMINI_API_KEY = os.getenv("GEMINI_API_KEY", "")\n');
    write(
      'pipeline/tools/analyze.py',
      `import requests
from tools.config import GEMINI_API_KEY, GEMINI_API_URL, GEMINI_BASE, GEMINI_MODEL
from tools import config


def summarise(text):
    return requests.post(f"{GEMINI_BASE}/models/{GEMINI_MODEL}:generateContent", params={"key": GEMINI_API_KEY}, json={"contents": [{"parts": [{"text": text}]}]}, timeout=30).json()


def classify(text):
    url = f"{GEMINI_API_URL}?key={GEMINI_API_KEY}"
    return requests.post(url, json={"contents": [{"parts": [{"text": text}]}]}, timeout=30).json()


def count(text):
    return requests.post(config.GEMINI_BASE + "/models/gemini-2.0-flash:countTokens", params={"key": GEMINI_API_KEY}, json={"contents": []}, timeout=30).json()


if __name__ == "__main__":
    print(summarise("Acme"), classify("Acme"), count("Acme"))
`,
    );
    const [item, ...rest] = await scan();
    expect(rest).toEqual([]);
    expect(item!.llm.map((use) => `${use.provider} ${use.sdk} ${use.evidence.line}`)).toEqual([
      'google requests.post https://generativelanguage.googleapis.com/v1beta/models/{}:generateContent 7',
      'google requests.post https://generativelanguage.googleapis.com/v1beta/models/{}:generateContent 12',
      'google requests.post https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:countTokens 16',
    ]);
    expect(item!.capabilities.map((capability) => capability.kind)).toEqual([]);
  });

  it('in TypeScript, fetch of a template literal on a provider base URL constant is a model call, the constant imported or the file’s own', async () => {
    write('desk/package.json', '{ "name": "desk", "scripts": { "start": "tsx src/index.ts" } }');
    write('desk/src/config.ts', "export const OPENAI_BASE: string = 'https://api.openai.com/v1';\nexport const STATUS_BASE = 'https://status.northwind-pay.example/v1';\n");
    write(
      'desk/src/index.ts',
      `import { OPENAI_BASE, STATUS_BASE } from './config';

const ANTHROPIC_BASE = 'https://api.anthropic.com/v1';

async function draft(text: string) {
  const res = await fetch(\`\${OPENAI_BASE}/chat/completions\`, { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] }) });
  return res.json();
}

async function review(text: string) {
  const res = await fetch(\`\${ANTHROPIC_BASE}/messages\`, { method: 'POST', body: JSON.stringify({ model: 'claude-3-5-haiku-latest', messages: [{ role: 'user', content: text }] }) });
  return res.json();
}

async function ping() {
  return fetch(\`\${STATUS_BASE}/ping\`);
}

draft(process.argv[2] ?? '').then(review).then(ping);
`,
    );
    const [item, ...rest] = await scan();
    expect(rest).toEqual([]);
    expect(item!.llm.map((use) => `${use.provider} ${use.sdk} ${use.evidence.line}`).sort()).toEqual([
      'anthropic fetch https://api.anthropic.com/v1/messages 11',
      'openai fetch https://api.openai.com/v1/chat/completions 6',
    ]);
    // The status host is a fetch of a host the scan cannot name; the model calls are not.
    expect(item!.capabilities.map((capability) => [capability.kind, capability.evidence.line])).toEqual([['outbound-network', 16]]);
  });

  it('a base URL read from the environment with a provider default is that provider unless someone sets it', async () => {
    write('desk/package.json', '{ "name": "desk", "scripts": { "start": "tsx src/index.ts" } }');
    write(
      'desk/src/index.ts',
      `async function draft(text: string) {
  const baseUrl = process.env.OPENAI_BASE_URL || 'https://api.openai.com/v1';
  const res = await fetch(\`\${baseUrl}/chat/completions\`, { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] }) });
  return res.json();
}

draft(process.argv[2] ?? '').then(console.log);
`,
    );
    write('jobs/digest.py', 'import os\nimport requests\n\nOPENAI_BASE = os.getenv("OPENAI_BASE_URL", "https://api.openai.com/v1")\n\n\ndef digest(text):\n    return requests.post(f"{OPENAI_BASE}/chat/completions", json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": text}]}, timeout=30).json()\n\n\nif __name__ == "__main__":\n    print(digest("Acme"))\n');
    const items = await scan();
    expect(items.flatMap((item) => item.llm.map((use) => `${item.unit.path} ${use.provider} ${use.sdk}`)).sort()).toEqual([
      'desk/src/index.ts openai fetch https://api.openai.com/v1/chat/completions',
      'jobs/digest.py openai requests.post https://api.openai.com/v1/chat/completions',
    ]);
    expect(items.flatMap((item) => item.capabilities.map((capability) => capability.kind))).toEqual([]);
  });

  it('a URL built on a constant of another host is no model call', async () => {
    write('pipeline/tools/__init__.py', '');
    write('pipeline/tools/config.py', CONFIG);
    write('pipeline/tools/analyze.py', caller('STATUS_URL').replace('requests.post(STATUS_URL,', 'requests.post(f"{STATUS_URL}/deep",'));
    expect(await scan()).toEqual([]);
  });

  it('a URL constant on another host is no model call', async () => {
    write('pipeline/tools/__init__.py', '');
    write('pipeline/tools/config.py', CONFIG);
    write('pipeline/tools/analyze.py', caller('STATUS_URL'));
    expect(await scan()).toEqual([]);
  });
});
