import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { analyzeCode } from '../code/analyze-code';
import { loadCodeParsers } from '../code/parser';
import { RULES } from '../code/test-helpers';
import { codeStub } from '../scan/code-stub';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { linkUnits } from './link-units';

/** As the scanner's first pass sees a tree: files with an LLM import analysed in full, the rest as line stubs. */
async function link(files: Record<string, string>): Promise<DiscoveredAgent[]> {
  await loadCodeParsers();
  const findings = Object.entries(files).flatMap(([path, text]) => analyzeCode(path, text, RULES, TEST_FINGERPRINT_KEY) ?? codeStub(path, text) ?? []);
  return linkUnits('t', findings);
}

const summary = (agents: DiscoveredAgent[]) => agents.map((a) => `${a.classification} ${a.unit.kind} ${a.unit.path} <- ${[...a.codeFiles].sort().join(' ')}`).sort();

const TOOL_LOOP_TS = [
  "import Anthropic from '@anthropic-ai/sdk';",
  'const anthropic = new Anthropic();',
  "const tools: Anthropic.Tool[] = [{ name: 'refunds_for_day', description: 'Refunds of a day', input_schema: { type: 'object', properties: {} } }];",
  'export async function draft(day: string): Promise<string> {',
  "  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: `Digest for ${day}` }];",
  '  for (;;) {',
  "    const r = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, tools, messages });",
  "    if (r.stop_reason !== 'tool_use') return JSON.stringify(r.content);",
  "    messages.push({ role: 'assistant', content: r.content });",
  '  }',
  '}',
].join('\n');
const WRITER_TS = "import { writeFile } from 'node:fs/promises';\nimport { draft } from './draft';\nexport async function writeDigest(day: string) {\n  await writeFile(`out/${day}.md`, await draft(day));\n}\n";
const SCRIPT_TS = "import { writeDigest } from '../digest/writer';\nawait writeDigest(process.argv[2] ?? 'today');\n";

const TOOL_LOOP_PY = [
  'from openai import OpenAI',
  '',
  'client = OpenAI()',
  'TOOLS = [{"type": "function", "function": {"name": "closed_claims", "parameters": {"type": "object", "properties": {}}}}]',
  '',
  'def draft(week):',
  '    messages = [{"role": "user", "content": f"Report for {week}"}]',
  '    while True:',
  '        message = client.chat.completions.create(model="gpt-4.1", messages=messages, tools=TOOLS).choices[0].message',
  '        if not message.tool_calls:',
  '            return message.content',
  '        messages.append(message)',
].join('\n');

describe('LLM code that no entry point we recognise runs', () => {
  it('is the unit of the file at the top of its import chain, not lost because a module imports it (TypeScript)', async () => {
    const agents = await link({ 'scripts/digest.ts': SCRIPT_TS, 'digest/writer.ts': WRITER_TS, 'digest/draft.ts': TOOL_LOOP_TS });
    expect(summary(agents)).toEqual(['agent code-entry-point scripts/digest.ts <- digest/draft.ts digest/writer.ts scripts/digest.ts']);
    expect(agents[0]!.trigger.kind).toBe('unknown');
  });

  it('is the unit of the file at the top of its import chain (Python, a helper called at module level)', async () => {
    const agents = await link({
      'jobs/weekly.py': 'import sys\n\nfrom reports.writer import write_report\n\nwrite_report(sys.argv[1])\n',
      'reports/__init__.py': '',
      'reports/writer.py': 'from pathlib import Path\n\nfrom reports.drafting import draft\n\n\ndef write_report(week):\n    Path(f"out/{week}.md").write_text(draft(week))\n',
      'reports/drafting.py': TOOL_LOOP_PY,
    });
    expect(summary(agents)).toEqual(['agent code-entry-point jobs/weekly.py <- jobs/weekly.py reports/drafting.py reports/writer.py']);
  });

  it('is one unit per chain top: two scripts reaching the same module are two units', async () => {
    const agents = await link({ 'scripts/digest.ts': SCRIPT_TS, 'scripts/backfill.ts': SCRIPT_TS, 'digest/writer.ts': WRITER_TS, 'digest/draft.ts': TOOL_LOOP_TS });
    expect(agents.map((a) => a.unit.path).sort()).toEqual(['scripts/backfill.ts', 'scripts/digest.ts']);
  });

  it('stays at the LLM module when only tests import it: a test never runs it in production', async () => {
    const agents = await link({
      'digest/draft.ts': TOOL_LOOP_TS,
      'digest/draft.test.ts': "import { draft } from './draft';\nit('drafts', async () => { await draft('d'); });\n",
    });
    expect(agents.map((a) => a.unit.path)).toEqual(['digest/draft.ts']);
  });

  it('is not the importer when that importer has an LLM of its own: the importer is the unit, once', async () => {
    const agents = await link({
      'digest/draft.ts': TOOL_LOOP_TS,
      'digest/review.ts': "import Anthropic from '@anthropic-ai/sdk';\nimport { draft } from './draft';\nconst a = new Anthropic();\nexport async function review(day: string) {\n  return a.messages.create({ model: 'claude-haiku-4-5', max_tokens: 200, messages: [{ role: 'user', content: await draft(day) }] });\n}\n",
    });
    expect(agents.map((a) => a.unit.path)).toEqual(['digest/review.ts']);
  });

  it('never makes a browser page the unit of server code it happens to import', async () => {
    const agents = await link({
      'app/page.tsx': "'use client';\nimport { labels } from '../lib/labels';\nexport default function Page() { return <ul>{labels.map((l) => <li key={l}>{l}</li>)}</ul>; }\n",
      'lib/labels.ts': "import { draft } from './draft';\nexport const labels = ['a', 'b'];\nexport const preview = draft;\n",
      'lib/draft.ts': TOOL_LOOP_TS,
    });
    expect(agents.some((a) => a.unit.path === 'app/page.tsx')).toBe(false);
  });

  it("is never a library's package root, nor what uses the library through it: an SDK's model client reached from its __init__.py or index.ts barrel", async () => {
    const python = await link({
      'src/kit/__init__.py': 'from .run import Runner\n\n__version__ = "0.4.0"\n__all__ = ["Runner"]\n',
      'docs/conf.py': 'import os\nimport sys\n\nsys.path.insert(0, os.path.abspath("../src"))\nfrom kit import __version__\n\nproject = "kit"\nrelease = __version__\n',
      'src/kit/run.py': 'from .models.chat import ChatModel\n\n\nclass Runner:\n    async def run(self, prompt):\n        return await ChatModel("gpt-4.1").respond(prompt)\n',
      'src/kit/models/__init__.py': '',
      'src/kit/models/chat.py': 'from openai import AsyncOpenAI\n\n\nclass ChatModel:\n    def __init__(self, model):\n        self.model = model\n        self.client = AsyncOpenAI()\n\n    async def respond(self, prompt):\n        return await self.client.chat.completions.create(model=self.model, messages=[{"role": "user", "content": prompt}])\n',
    });
    expect(python).toEqual([]);
    const script = await link({
      'packages/kit/src/index.ts': "export * from './run';\nexport { type RunOptions } from './options';\n",
      'docs/snippets/version.ts': "import { run } from '../../packages/kit/src/index';\nexport const documented = [run.name];\n",
      'packages/kit/src/options.ts': 'export interface RunOptions { model: string }\n',
      'packages/kit/src/run.ts': "import { draft } from './draft';\nexport async function run(day: string) {\n  return draft(day);\n}\n",
      'packages/kit/src/draft.ts': TOOL_LOOP_TS,
    });
    expect(script).toEqual([]);
  });
});

describe("a package's public entry", () => {
  const SUMMARISE_TS = "import OpenAI from 'openai';\nconst client = new OpenAI();\nexport async function summarise(text: string) {\n  const r = await client.responses.create({ model: 'gpt-4.1-mini', input: text });\n  return r.output_text;\n}\n";
  const INDEX_WITH_HELPER = "export * from './summarise';\n\nexport function isReversed(record: { status: string }): boolean {\n  return record.status === 'reversed';\n}\n";

  it('is where a library stops, even when it defines a helper beside its re-exports', async () => {
    await loadCodeParsers();
    const files = { 'packages/llm-kit/src/index.ts': INDEX_WITH_HELPER, 'packages/llm-kit/src/summarise.ts': SUMMARISE_TS };
    const findings = Object.entries(files).flatMap(([path, text]) => analyzeCode(path, text, RULES, TEST_FINGERPRINT_KEY) ?? codeStub(path, text) ?? []);
    // packages/llm-kit holds its package.json: the index is the package's entry, run only by its users.
    expect(summary(linkUnits('t', findings, { projectFolders: [{ path: 'packages/llm-kit', repository: false, manifest: true }] }))).toEqual([]);
    // Without a manifest nothing says it is a package: the chain's top is reported, as LLM code nothing visible runs.
    expect(summary(linkUnits('t', findings))).toEqual(['llm-call code-entry-point packages/llm-kit/src/index.ts <- packages/llm-kit/src/index.ts packages/llm-kit/src/summarise.ts']);
  });
});
