import { describe, expect, it } from 'vitest';
import { analyzeConfigFile } from '.';
import { classifyFile } from '../walk/classify-file';
import { claudeCliRunIn } from './claude-cli';
import { analyzeClaudeScript } from './claude-code';
import { analyzeGithubActions } from './github-actions';
import { fixture, lineWith, testContext } from './test-support';

describe('headless Claude Code runs (claude -p)', () => {
  it('are read from a command line with their tools, permission mode and model', () => {
    expect(claudeCliRunIn('claude -p "fix the build" --allowedTools "Bash(npm:*),Edit" Read --model claude-sonnet-4-5')).toEqual({ models: ['claude-sonnet-4-5'], allowed: ['Bash(npm:*)', 'Edit', 'Read'], disallowed: [], mode: null, mcpConfigs: [] });
    expect(claudeCliRunIn('claude -p "audit" --mcp-config ci/mcp.json extra/mcp.json --allowedTools mcp__ledger__balance')).toMatchObject({ mcpConfigs: ['ci/mcp.json', 'extra/mcp.json'], allowed: ['mcp__ledger__balance'] });
    // JSON given inline is no file of the repository.
    expect(claudeCliRunIn(`claude -p "x" --mcp-config='{"mcpServers":{}}'`)).toMatchObject({ mcpConfigs: [] });
    expect(claudeCliRunIn('cat task.md | timeout "${TIMEOUT}" claude --print --dangerously-skip-permissions')).toMatchObject({ mode: 'bypassPermissions' });
    expect(claudeCliRunIn('npx -y @anthropic-ai/claude-code -p "summarise" --permission-mode=acceptEdits --disallowedTools WebFetch')).toMatchObject({ mode: 'acceptEdits', disallowed: ['WebFetch'] });
    expect(claudeCliRunIn('ANTHROPIC_MODEL=x /usr/local/bin/claude -p hi')).toMatchObject({ allowed: [] });
  });

  it('are not interactive sessions, other subcommands or other programs named like it', () => {
    for (const line of ['claude', 'claude --version', 'claude mcp add github -- npx server-github', 'echo "claude -p is great"', 'claude-router -p x', 'npm install -g @anthropic-ai/claude-code']) expect(claudeCliRunIn(line), line).toBeNull();
  });

  it('make a workflow step an agent with the tools it lets run', () => {
    const text = fixture('github-actions/claude-cli-nightly.yml');
    const [unit] = analyzeGithubActions('.github/workflows/docs.yml', text, testContext())!.units;
    expect(unit!.llm.map((l) => [l.sdk, l.models, l.evidence.line])).toContainEqual(['claude-code CLI (claude -p)', ['claude-sonnet-4-5'], lineWith(text, 'claude -p')]);
    expect(unit!.capabilities.filter((c) => c.evidence.ruleId === 'claude.capability.cli-tools').map((c) => c.kind)).toEqual(['shell-exec', 'file-write', 'file-write', 'outbound-network', 'outbound-network']);
    expect(unit!.mcpConfigFiles?.map((f) => [f.path, f.evidence.ruleId, f.evidence.line])).toEqual([['.github/mcp-docs.json', 'claude.link.mcp-config', lineWith(text, 'claude -p')]]);
  });

  it('make a shell script an agent only when it runs claude -p, with continuation lines read as one command', () => {
    expect(classifyFile('.claude/hooks/review-changes.sh')).toBe('config');
    expect(classifyFile('scripts/nightly.sh')).toBe('config');
    expect(analyzeClaudeScript('scripts/deploy.sh', '#!/bin/sh\nkubectl apply -f k8s/\n', testContext())).toBeNull();
    const text = fixture('claude-code/.claude/hooks/review-changes.sh');
    const [unit] = analyzeClaudeScript('.claude/hooks/review-changes.sh', text, testContext())!.units;
    expect(unit).toMatchObject({ kind: 'code-entry-point', name: '.claude/hooks/review-changes.sh', path: '.claude/hooks/review-changes.sh' });
    expect(unit!.evidence.line).toBe(lineWith(text, 'timeout 300 claude -p'));
    expect(unit!.llm[0]!.models).toEqual(['claude-haiku-4-5']);
    expect(unit!.capabilities.map((c) => c.detail)).toEqual(['Claude Code tool Bash(git diff:*)']);
    expect(analyzeClaudeScript('.claude/hooks/format.sh', fixture('claude-code/.claude/hooks/format.sh'), testContext())!.units).toEqual([]);
  });

  it('never break the scan on a hostile script', async () => {
    const options = { rules: testContext().rules, disabledRuleIds: new Set<string>(), fingerprintKey: testContext().fingerprintKey };
    const result = await analyzeConfigFile('.claude/hooks/x.sh', `claude -p ${'\\\n'.repeat(5000)}--allowedTools ${'('.repeat(10000)}`, options);
    expect(result.warnings).toEqual([]);
    expect(result.findings!.units[0]!.kind).toBe('code-entry-point');
  });
});
