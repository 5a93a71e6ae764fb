import { describe, expect, it } from 'vitest';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { analyzeCode } from './analyze-code';
import { bundledCodeRules } from './bundled-code-rules';
import { loadCodeParsers } from './parser';
import { analyzed, fixture } from './test-helpers';

const kinds = (details: Array<{ kind: string; detail: string }>) => details.map((c) => `${c.kind}: ${c.detail}`);

describe('the Claude Agent SDK', () => {
  it('is an agent framework in TypeScript: query() with allowedTools, acceptEdits, an MCP server and sub-agents', async () => {
    const findings = await analyzed('review/run-claude-sdk.ts', fixture('claude/run-claude-sdk.ts'));
    expect(findings.agentic).toBe(true);
    expect(findings.frameworks.map((f) => f.framework)).toEqual(['claude-agent-sdk']);
    expect(findings.llm.map((l) => [l.provider, l.sdk, l.models])).toEqual([['anthropic', '@anthropic-ai/claude-agent-sdk.query', ['claude-sonnet-4-5']]]);
    // Read and Grep grant nothing to record; WebSearch is disallowed; acceptEdits adds Write unasked.
    expect(kinds(findings.capabilities)).toEqual([
      'shell-exec: Claude Code tool Bash(git diff:*)',
      'file-write: Claude Code tool Edit',
      'outbound-network: Claude Code tool WebFetch (any address the model picks)',
      'file-write: Claude Code tool Write (permissionMode acceptEdits: file edits are applied without asking anyone)',
      'data-write: MCP server github: code host server: writes issues, pull requests and code',
    ]);
    expect(findings.capabilities.every((c) => c.evidence.ruleId === 'ts.framework.claude-agent-sdk')).toBe(true);
    expect(findings.untrustedInputs.map((i) => [i.kind, i.detail])).toEqual([['web-page', 'Claude Code tool WebFetch']]);
  });

  it('declares each agents entry as a sub-agent with its own tools and model, or its parent\'s tools when it lists none', async () => {
    const findings = await analyzed('review/run-claude-sdk.ts', fixture('claude/run-claude-sdk.ts'));
    expect(findings.declaredSubAgents!.map((s) => [s.name, s.llm[0]!.models, kinds(s.capabilities)])).toEqual([
      ['test-runner', ['haiku'], ['shell-exec: Claude Code tool Bash']],
      [
        'doc-writer',
        [],
        [
          'shell-exec: Claude Code tool Bash(git diff:*) (inherited from the agent that runs it)',
          'file-write: Claude Code tool Edit (inherited from the agent that runs it)',
          'outbound-network: Claude Code tool WebFetch (any address the model picks) (inherited from the agent that runs it)',
        ],
      ],
    ]);
  });

  it('is an agent framework in Python: ClaudeSDKClient, @tool functions, bypassPermissions and an AgentDefinition', async () => {
    const findings = await analyzed('review/agents_review.py', fixture('claude/agents_review.py'));
    expect(findings.frameworks.map((f) => f.framework)).toEqual(['claude-agent-sdk']);
    expect(findings.llm.map((l) => [l.provider, l.sdk])).toEqual([['anthropic', 'claude_agent_sdk.ClaudeSDKClient']]);
    expect(findings.tools.map((t) => t.name)).toEqual(['open_ticket']);
    // bypassPermissions lets every built-in tool run, not only the allowed ones.
    expect(new Set(findings.capabilities.map((c) => c.kind))).toEqual(new Set(['outbound-network', 'shell-exec', 'file-write']));
    expect(findings.capabilities.every((c) => c.detail.includes('bypassPermissions'))).toBe(true);
    expect(findings.declaredSubAgents!.map((s) => [s.name, s.llm[0]!.models, s.capabilities.map((c) => c.kind)])).toEqual([['code-reviewer', ['sonnet'], ['file-write']]]);
  });

  it('reads the older SDKs (claude_code_sdk, @anthropic-ai/claude-code) the same way', async () => {
    const python = await analyzed(
      'legacy/digest.py',
      'from claude_code_sdk import ClaudeCodeOptions, query\n\nasync def main():\n    options = ClaudeCodeOptions(permission_mode="acceptEdits", allowed_tools=["Read", "Bash"], can_use_tool=approve)\n    async for m in query(prompt="go", options=options):\n        print(m)\n',
    );
    expect(python.frameworks.map((f) => f.framework)).toEqual(['claude-agent-sdk']);
    expect(python.capabilities.map((c) => c.kind)).toEqual(['shell-exec', 'file-write', 'file-write']);
    expect(python.guardrails.map((g) => [g.kind, g.detail])).toEqual([['human-approval', 'can_use_tool']]);
    const script = await analyzed('wake.js', "const { query } = require('@anthropic-ai/claude-code');\nfor await (const m of query({ prompt: 'hi', options: { allowedTools: ['Write'], canUseTool: ask } })) console.log(m);\n");
    expect(script.llm.map((l) => l.sdk)).toEqual(['@anthropic-ai/claude-code.query']);
    expect(script.capabilities.map((c) => c.detail)).toEqual(['Claude Code tool Write']);
    expect(script.guardrails.map((g) => g.kind)).toEqual(['human-approval']);
  });

  it('is not used by a file that only imports its types', async () => {
    const findings = await analyzed('ui/message-view.tsx', fixture('claude/message-view.tsx'));
    expect([findings.llm, findings.frameworks, findings.capabilities, findings.agentic]).toEqual([[], [], [], false]);
  });

  it('grants nothing it cannot read: a tool list built at run time, options of another library', async () => {
    const runtime = await analyzed('run.ts', "import { query } from '@anthropic-ai/claude-agent-sdk';\nexport async function go(tools: string[]) {\n  for await (const m of query({ prompt: 'x', options: { allowedTools: process.env.TOOLS!.split(',') } })) console.log(m);\n}\n");
    expect(runtime.capabilities).toEqual([]);
    const other = await analyzed('other.ts', "import OpenAI from 'openai';\nconst client = new OpenAI();\nconst settings = { allowedTools: ['Bash'], permissionMode: 'bypassPermissions' };\nexport const run = () => client.responses.create({ model: 'gpt-4o', input: JSON.stringify(settings) });\n");
    expect(other.capabilities).toEqual([]);
  });

  it('is silent when a workspace turns its rule off', async () => {
    await loadCodeParsers();
    const rules = bundledCodeRules(new Set(['ts.framework.claude-agent-sdk', 'ts.llm.claude-agent-sdk']));
    const findings = analyzeCode('review/run-claude-sdk.ts', fixture('claude/run-claude-sdk.ts'), rules, TEST_FINGERPRINT_KEY);
    expect(findings).toBeNull();
  });
});
