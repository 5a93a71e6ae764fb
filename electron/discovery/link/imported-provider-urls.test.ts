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

  it('a URL constant on another host is no model call', async () => {
    write('pipeline/tools/__init__.py', '');
    write('pipeline/tools/config.py', CONFIG);
    write('pipeline/tools/analyze.py', caller('STATUS_URL'));
    expect(await scan()).toEqual([]);
  });
});
