import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { scanTreeFixture } from '../scan/test-scan-tree';

/**
 * GitHub Action units and Claude Code configuration, linked over a real scan: the shapes of
 * anthropics/claude-code-action, pullfrog-style node actions and .claude/ projects.
 */
const tree = scanTreeFixture('atw-claude-');
const write = tree.write;
const scan = tree.scan;

const byName = (agents: DiscoveredAgent[], name: string) => agents.find((a) => a.name === name)!;
const links = (agent: DiscoveredAgent) => (agent.links ?? []).map((l) => `${l.relation}: ${l.name}`).sort();

const SDK_QUERY = "import { query } from '@anthropic-ai/claude-agent-sdk';\nexport async function run(prompt: string) {\n  for await (const m of query({ prompt, options: { allowedTools: ['Bash', 'Edit'] } })) console.log(m.type);\n}\n";

describe('GitHub Action units', () => {
  it('follow a composite action through ${GITHUB_ACTION_PATH} to query() three files away, and take the trigger of the workflow that uses it', async () => {
    write('action.yml', 'name: Claude Review\ninputs:\n  anthropic_api_key:\n    required: false\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: bun run ${GITHUB_ACTION_PATH}/base-action/src/index.ts\n');
    write('base-action/src/index.ts', "import { runClaude } from './run-claude';\nrunClaude(process.env.PROMPT ?? '');\n");
    write('base-action/src/run-claude.ts', "import { run } from './run-claude-sdk';\nexport const runClaude = (p: string) => run(p);\n");
    write('base-action/src/run-claude-sdk.ts', SDK_QUERY);
    write('.github/workflows/claude.yml', 'name: Claude\non:\n  issue_comment:\n    types: [created]\npermissions:\n  pull-requests: write\njobs:\n  claude:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n        with:\n          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}\n');
    const { agents } = await scan();
    expect(agents.map((a) => [a.unit.kind, a.name, a.classification])).toEqual([['github-action', 'Claude Review', 'agent']]);
    const [action] = agents;
    // The script the action runs, and the file that builds the agent with query().
    expect(action!.entryPoints).toEqual(['base-action/src/index.ts', 'base-action/src/run-claude-sdk.ts']);
    expect(action!.codeFiles).toContain('base-action/src/run-claude-sdk.ts');
    expect(action!.trigger).toMatchObject({ kind: 'event', description: 'On issue comment created (workflow Claude/claude uses this action)' });
    expect(action!.untrustedInputs!.map((i) => i.kind)).toContain('code-comment');
    expect(action!.capabilities.map((c) => c.kind)).toEqual(['shell-exec', 'file-write', 'data-write']);
    expect(action!.credentials.map((c) => c.name)).toEqual(expect.arrayContaining(['inputs.anthropic_api_key', 'ANTHROPIC_API_KEY']));
  });

  it('map a node action\'s missing bundle to its sources, and keep a chained trigger when no workflow of the scan uses it', async () => {
    write('tools/frog/action.yml', "name: Frog\nruns:\n  using: 'node20'\n  main: 'dist/index.js'\n");
    write('tools/frog/src/index.ts', SDK_QUERY);
    write('labeller/action.yaml', "name: Labeller\nruns:\n  using: node24\n  main: index.cjs\n");
    write('labeller/index.ts', "import Anthropic from '@anthropic-ai/sdk';\nexport const label = (t: string) => new Anthropic().messages.create({ model: 'claude-haiku-4-5', max_tokens: 5, messages: [{ role: 'user', content: t }] });\n");
    const { agents } = await scan();
    expect(agents.map((a) => [a.name, a.entryPoints, a.trigger.kind, a.classification]).sort()).toEqual([
      ['Frog', ['tools/frog/src/index.ts'], 'chained', 'agent'],
      ['Labeller', ['labeller/index.ts'], 'chained', 'agent'],
    ]);
  });

  it('read the sources of a committed bundle too: the bundle inlines the SDK past what the analyzers see', async () => {
    write('action.yml', "name: Pullfrog\nruns:\n  using: 'node20'\n  main: 'entry.cjs'\n");
    write('entry.cjs', '"use strict";\nvar __defProp = Object.defineProperty;\nmodule.exports = {};\n');
    write('entry.ts', "import { run } from './agents/claude';\nrun(process.env.PROMPT ?? '');\n");
    write('agents/claude.ts', SDK_QUERY);
    const { agents } = await scan();
    expect(agents.map((a) => [a.name, a.entryPoints])).toEqual([['Pullfrog', ['entry.cjs', 'entry.ts', 'agents/claude.ts']]]);
  });

  it('are no candidate without LLM code', async () => {
    write('.github/actions/setup/action.yml', 'name: Setup\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: node ${{ github.action_path }}/versions.js\n');
    write('.github/actions/setup/versions.js', "console.log(require('node:child_process').execFileSync('node', ['--version']).toString());\n");
    write('.github/workflows/ci.yml', 'name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/setup\n      - run: npm test\n');
    expect((await scan()).agents).toEqual([]);
  });
});

describe('Claude Agent SDK sub-agents', () => {
  it('are items of their own, linked to the agent that runs the file declaring them', async () => {
    write('audit/agent.py', 'import anyio\nfrom claude_agent_sdk import AgentDefinition, ClaudeAgentOptions, ClaudeSDKClient\n\noptions = ClaudeAgentOptions(allowed_tools=["Read"], agents={"fixer": AgentDefinition(description="Fixes", prompt="Fix.", tools=["Edit"], model="haiku")})\n\nasync def main():\n    async with ClaudeSDKClient(options=options) as client:\n        await client.query("audit")\n\nif __name__ == "__main__":\n    anyio.run(main)\n');
    const { agents } = await scan();
    const parent = byName(agents, 'agent');
    const fixer = byName(agents, 'fixer');
    expect(fixer).toMatchObject({ unit: { kind: 'sub-agent', name: 'fixer', path: 'audit/agent.py' }, classification: 'agent', entryPoints: ['audit/agent.py'], trigger: { kind: 'chained' } });
    expect(fixer.llm.map((l) => [l.provider, l.models])).toEqual([['anthropic', ['haiku']]]);
    expect(fixer.capabilities.map((c) => c.kind)).toEqual(['file-write']);
    expect(links(parent)).toEqual(['sub-agent: fixer']);
    expect(links(fixer)).toEqual(['parent: agent']);
  });
});

describe('Claude Code configuration', () => {
  const subagent = (name: string, tools: string | null) => `---\nname: ${name}\ndescription: ${name} helper\n${tools === null ? '' : `tools: ${tools}\n`}model: sonnet\n---\nYou help.\n`;

  it('makes one item per subagent, gives the settings grants to the .mcp.json item and to subagents that inherit every tool, and links them to the servers they may use', async () => {
    write('.claude/agents/reviewer.md', subagent('reviewer', 'Read, Grep, mcp__github__create_review'));
    write('.claude/agents/debugger.md', subagent('debugger', null));
    write('.claude/agents/docs.md', subagent('docs', 'Read, Write'));
    write('.claude/commands/review.md', '---\ndescription: Review\nallowed-tools: Bash(gh pr diff:*)\n---\nReview $ARGUMENTS.\n');
    write('.claude/settings.json', JSON.stringify({ permissions: { allow: ['Bash(npm test:*)'] }, enabledMcpjsonServers: ['github'] }, null, 2));
    write('.mcp.json', JSON.stringify({ mcpServers: { github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] } } }, null, 2));
    const { agents } = await scan();
    expect(agents.map((a) => [a.unit.kind, a.name, a.classification]).sort()).toEqual([
      ['claude-subagent', 'debugger', 'agent'],
      ['claude-subagent', 'docs', 'agent'],
      ['claude-subagent', 'reviewer', 'agent'],
      ['mcp-config', 'Claude Code', 'agent'],
    ]);
    const session = byName(agents, 'Claude Code');
    expect(session.entryPoints).toContain('.claude/settings.json');
    expect(session.capabilities.map((c) => c.detail)).toContain('Claude Code tool Bash(npm test:*) (project settings)');
    expect(byName(agents, 'debugger').capabilities.map((c) => c.detail)).toContain('Claude Code tool Bash(npm test:*) (project settings)');
    expect(byName(agents, 'docs').capabilities.map((c) => c.detail)).toEqual(['Claude Code tool Write']);
    expect(links(session)).toEqual(['mcp-client: debugger', 'mcp-client: reviewer']);
    expect(links(byName(agents, 'reviewer'))).toEqual(['mcp-server: Claude Code']);
    expect(byName(agents, 'reviewer').confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('makes the settings one item of their own when nothing else carries them, and nothing when they grant nothing', async () => {
    write('app/.claude/settings.json', JSON.stringify({ permissions: { allow: ['Bash(make:*)'] } }));
    write('app/.claude/settings.local.json', JSON.stringify({ permissions: { allow: ['WebFetch'] } }));
    write('lib/.claude/settings.json', JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }] } }));
    const { agents } = await scan();
    expect(agents.map((a) => [a.name, a.unit.path, a.entryPoints])).toEqual([['Claude Code project settings', 'app/.claude/settings.json', ['app/.claude/settings.local.json']]]);
    expect(agents[0]!.capabilities.map((c) => c.kind)).toEqual(['shell-exec', 'outbound-network']);
  });

  it('gives a hook script that drives a model the hook\'s event as its trigger; ordinary hooks stay out', async () => {
    write('.claude/settings.json', JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'python3 "$CLAUDE_PROJECT_DIR"/.claude/hooks/summarise.py' }] }], PostToolUse: [{ matcher: 'Edit', hooks: [{ type: 'command', command: '"$CLAUDE_PROJECT_DIR"/.claude/hooks/lint.sh' }, { type: 'command', command: 'bash .claude/hooks/second-opinion.sh' }] }] } }, null, 2));
    write('.claude/hooks/summarise.py', 'import asyncio\nfrom claude_agent_sdk import query\n\nasync def main():\n    async for m in query(prompt="summarise the session"):\n        print(m)\n\nif __name__ == "__main__":\n    asyncio.run(main())\n');
    write('.claude/hooks/lint.sh', '#!/bin/sh\nnpx eslint --fix "$1"\n');
    write('.claude/hooks/second-opinion.sh', '#!/bin/sh\ngit diff | claude -p "Anything risky here?" --allowedTools Read\n');
    const { agents } = await scan();
    expect(agents.map((a) => [a.unit.kind, a.unit.path, a.trigger.kind, a.trigger.description]).sort()).toEqual([
      ['code-entry-point', '.claude/hooks/second-opinion.sh', 'event', 'Claude Code PostToolUse hook (.claude/settings.json)'],
      ['code-entry-point', '.claude/hooks/summarise.py', 'event', 'Claude Code Stop hook (.claude/settings.json)'],
    ]);
  });

  it('gives a shell script running claude -p the trigger of the crontab line or workflow step that runs it', async () => {
    write('scripts/nightly-review.sh', '#!/usr/bin/env bash\ncd /opt/app && claude -p "Review yesterday\'s commits" --dangerously-skip-permissions\n');
    write('scripts/weekly-digest.sh', '#!/usr/bin/env bash\nclaude --print "Write the weekly digest" --allowedTools Write\n');
    write('scripts/deploy.sh', '#!/usr/bin/env bash\nkubectl apply -f k8s/\n');
    write('ops/crontab', '0 6 * * * /opt/app/scripts/nightly-review.sh >> /var/log/review.log 2>&1\n');
    write('.github/workflows/digest.yml', 'name: Digest\non:\n  schedule:\n    - cron: "0 8 * * 1"\njobs:\n  digest:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bash scripts/weekly-digest.sh\n        env:\n          ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}\n      - run: ./scripts/deploy.sh\n');
    const { agents } = await scan();
    // The crontab line is no item of its own: the script takes its schedule. The workflow job, an item
    // already (it sets a model key), runs the script: one item, with the script among its entry points.
    expect(agents.map((a) => [a.unit.path, a.trigger.kind, a.trigger.schedule, a.entryPoints]).sort()).toEqual([
      ['.github/workflows/digest.yml', 'cron', '0 8 * * 1', ['scripts/weekly-digest.sh']],
      ['scripts/nightly-review.sh', 'cron', '0 6 * * *', []],
    ]);
    expect(byName(agents, 'nightly-review').capabilities.map((c) => c.kind)).toContain('shell-exec');
    expect(byName(agents, 'Digest/digest').capabilities.map((c) => c.detail)).toContain('Claude Code tool Write');
  });

  it('finds the file a script hands to claude -p --mcp-config from the folder above the script, in a service folder with no .git or manifest of its own', async () => {
    write('platform/.git/HEAD', 'ref: refs/heads/main\n');
    write('platform/services/reports/scripts/weekly.sh', '#!/usr/bin/env bash\nclaude -p "Write the weekly report" \\\n  --mcp-config scripts/report-mcp.json \\\n  --allowedTools "mcp__ledger__balance"\n');
    write('platform/services/reports/scripts/report-mcp.json', JSON.stringify({ mcpServers: { ledger: { command: 'python', args: ['servers/ledger.py'] } } }));
    write('platform/services/reports/servers/ledger.py', 'from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("ledger")\n@mcp.tool()\ndef balance(account: str) -> str:\n    return account\nif __name__ == "__main__":\n    mcp.run()\n');
    const { agents } = await scan();
    // The JSON is part of the run, not an MCP client of its own; the run lists its server.
    expect(agents.map((a) => a.unit.path).sort()).toEqual(['platform/services/reports/scripts/weekly.sh', 'platform/services/reports/servers/ledger.py']);
    expect(byName(agents, 'weekly').mcpServers?.map((s) => s.name)).toEqual(['ledger']);
  });

  it('warns about a malformed subagent and goes on with the rest of the scan', async () => {
    write('.claude/agents/broken.md', '# Reviewer\n\nname: reviewer, but no front matter\n');
    write('.claude/agents/ok.md', subagent('ok', 'Bash'));
    const { agents, warnings } = await scan();
    expect(agents.map((a) => a.name)).toEqual(['ok']);
    expect(warnings.map((w) => w.path)).toEqual(['.claude/agents/broken.md']);
  });
});
