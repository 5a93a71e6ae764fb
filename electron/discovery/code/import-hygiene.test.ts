import { describe, expect, it } from 'vitest';
import { codeStub } from '../scan/code-stub';
import { analyzeCode } from './analyze-code';
import { loadCodeParsers } from './parser';
import { analyzed, RULES } from './test-helpers';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';

/** Issue 13: only code that runs is SDK use. Types, unused names and comments are not. */
describe('imports that are not SDK use', () => {
  it('a type-only import (statement or every specifier) is not a use of the SDK', async () => {
    for (const source of [
      "import type { RealtimeAgent } from '@openai/agents/realtime';\nexport const sets: Record<string, RealtimeAgent[]> = {};\n",
      "import { type RealtimeItem, type TransportEvent } from '@openai/agents/realtime';\nexport function View({ items }: { items: RealtimeItem[] }) { return items.length; }\n",
      "export type { RealtimeAgent } from '@openai/agents/realtime';\nimport type OpenAI from 'openai';\nlet m: OpenAI.Chat.ChatCompletionMessageParam;\n",
    ]) {
      const findings = await analyzed('src/app/components/Transcript.tsx', source);
      expect(findings.frameworks).toEqual([]);
      expect(findings.llm).toEqual([]);
    }
  });

  it('a value imported beside a type from the same package still counts', async () => {
    const findings = await analyzed('src/App.tsx', "import { run, type AgentInputItem } from '@openai/agents';\nimport { coach } from './coach';\nexport async function send(input: AgentInputItem[]) { return run(coach, input); }\n");
    expect(findings.frameworks).toMatchObject([{ framework: 'openai-agents', evidence: { line: 3 } }]);
    expect(findings.localImports).toEqual(['./coach']);
  });

  it('a package import whose names are never read (only used in types) is dropped; a side-effect import stays', async () => {
    const unused = await analyzed('lib/ui.ts', "import { RealtimeAgent } from '@openai/agents/realtime';\nexport const agents: RealtimeAgent[] = [];\n");
    expect(unused.frameworks).toEqual([]);
    const sideEffect = await analyzed('lib/boot.ts', "import '@openai/agents';\nexport const ready = true;\n");
    expect(sideEffect.frameworks.map((use) => use.framework)).toEqual(['openai-agents']);
  });

  it('commented-out imports and calls are not findings, in TypeScript or Python, though the prefilter lets the file through', async () => {
    await loadCodeParsers();
    const ts = "// import { streamText } from 'ai';\n/* import { openai } from '@ai-sdk/openai'; */\nexport default function handler() { return 410; }\n// const r = streamText({ model: openai('gpt-4o') });\n";
    expect(RULES.passesPrefilter('typescript', ts)).toBe(true);
    const tsFindings = analyzeCode('pages/api/legacy.ts', ts, RULES, TEST_FINGERPRINT_KEY);
    expect(tsFindings?.llm).toEqual([]);
    expect(tsFindings?.frameworks).toEqual([]);
    const py = '"""Old notes:\nimport openai\n"""\nimport csv\n# from openai import OpenAI\n# client = OpenAI()\nprint(csv)\n';
    expect(RULES.passesPrefilter('python', py)).toBe(true);
    const pyFindings = analyzeCode('scripts/export.py', py, RULES, TEST_FINGERPRINT_KEY);
    expect(pyFindings?.llm).toEqual([]);
    expect(pyFindings?.frameworks).toEqual([]);
  });

  it('the text-only stub of an unparsed file skips commented imports, handlers and fetches', () => {
    const stub = codeStub(
      'app/api/old/route.ts',
      "import { db } from '@/lib/db';\n// import { agent } from './agent';\n/*\nexport async function POST() {}\nfetch('/api/responses')\n*/\nconst url = 'https://example.com//x'; // import { x } from './x'\nexport const data = () => db;\n",
    );
    expect(stub?.localImports).toEqual(['@/lib/db']);
    expect(stub?.entryPoint).toBeNull();
    expect(stub?.proxyCalls).toBeUndefined();
    const python = codeStub('jobs/export.py', '"""Nightly export.\nfrom app import tools\n"""\n# from app import agent\nfrom app import db\n');
    expect(python?.localImports.sort()).toEqual(['app', 'app.db']);
  });
});
