import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledCodeRules, codePrefilterPatterns } from './bundled-code-rules';
import { FIXTURES, RULES, fixture } from './test-helpers';

describe('the prefilter', () => {
  it.each([
    'import openai',
    'from langchain_openai import ChatOpenAI',
    'import json, anthropic',
    'from google import genai',
    '    from crewai import Agent',
    'from agents import Agent, Runner',
    'client = boto3.client("bedrock-runtime")',
  ])('lets a Python file with `%s` through', (line) => {
    expect(RULES.passesPrefilter('python', `import os\n${line}\n`)).toBe(true);
  });

  it.each(['from mcp.client.streamable_http import streamablehttp_client', 'from mcp.client.sse import sse_client'])('lets an MCP client helper with `%s` through, and not with the MCP client rule turned off', (line) => {
    expect(RULES.passesPrefilter('python', `import os\n${line}\n`)).toBe(true);
    expect(bundledCodeRules(new Set(['code.endpoint.mcp-client'])).passesPrefilter('python', `import os\n${line}\n`)).toBe(false);
  });

  it.each(['import os\nimport requests', '# we might use openai here one day', 'from agents.triage import route', 'x = "import openai"'])('stops Python without an SDK import: %j', (text) => {
    expect(RULES.passesPrefilter('python', text)).toBe(false);
  });

  it.each(["import OpenAI from 'openai';", 'import { generateText } from "ai";', "const { Agent } = require('@mastra/core/agent');", "const sdk = await import('@anthropic-ai/sdk');", "export { tool } from '@openai/agents';", "import { streamText } from 'https://esm.sh/ai@4.2.6';", "import OpenAI from 'npm:openai@4';"])(
    'lets TypeScript/JavaScript with `%s` through',
    (line) => {
      expect(RULES.passesPrefilter('typescript', line)).toBe(true);
      expect(RULES.passesPrefilter('javascript', line)).toBe(true);
    },
  );

  it.each(["import axios from 'axios';", "import { aiHelpers } from './ai';", "import x from 'aiohttp-wrapper';", '// openai', "import { serve } from 'https://deno.land/std@0.168.0/http/server.ts';", "import x from 'https://esm.sh/aiohttp-wrapper@1';"])('stops TypeScript without an SDK import: %j', (text) => {
    expect(RULES.passesPrefilter('typescript', text)).toBe(false);
  });

  it('passes every fixture (each is an agent or an LLM use)', () => {
    for (const folder of ['python', 'typescript']) {
      for (const name of readdirSync(join(FIXTURES, folder))) {
        const language = folder === 'python' ? 'python' : 'typescript';
        expect(RULES.passesPrefilter(language, fixture(`${folder}/${name}`)), name).toBe(true);
      }
    }
  });

  const ripgrep = spawnSync('rg', ['--version']).status === 0;
  it.skipIf(!ripgrep)('selects the same files under ripgrep as in JavaScript (the benchmark compares the two)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'prefilter-'));
    try {
      const samples: Record<string, string> = {
        'a.py': 'from langgraph.graph import StateGraph\n',
        'b.py': 'import requests\n',
        'c.py': 'from google import genai\n',
        'd.ts': "import { tool } from 'ai';\n",
        'e.ts': "import axios from 'axios';\n",
        'f.js': "const x = require('@anthropic-ai/sdk');\n",
      };
      for (const [name, text] of Object.entries(samples)) writeFileSync(join(folder, name), text);
      const result = spawnSync('rg', ['--files-with-matches', ...codePrefilterPatterns().flatMap((pattern) => ['-e', pattern]), folder], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      const byRipgrep = result.stdout.trim().split('\n').map((path) => path.slice(folder.length + 1)).sort();
      expect(byRipgrep).toEqual(['a.py', 'c.py', 'd.ts', 'f.js']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
