import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { scanTreeFixture } from '../scan/test-scan-tree';

/**
 * A checkout folder holds repositories inside repositories (a copy of another team's service
 * under services/): what a config runs is its own project's code, never a nested project's file
 * that happens to have the same name.
 */

const tree = scanTreeFixture('atw-nested-');
const items = (agents: DiscoveredAgent[]) => agents.map((a) => `${a.classification} ${a.unit.kind} ${a.unit.path} ${a.unit.name} <- ${a.entryPoints.join(',')}`).sort();

const SUMMARISER = "import express from 'express';\nimport Anthropic from '@anthropic-ai/sdk';\nconst anthropic = new Anthropic();\nconst app = express();\napp.post('/summary', async (req, res) => {\n  const m = await anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 300, messages: [{ role: 'user', content: req.body.notes }] });\n  res.json(m.content);\n});\napp.listen(8080);\n";
const AGENT_TS = "import Anthropic from '@anthropic-ai/sdk';\nconst anthropic = new Anthropic();\nconst tools = [{ name: 'lookup', description: 'Look up', input_schema: { type: 'object' } }];\nexport async function main() {\n  await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, tools, messages: [] });\n}\nmain();\n";
const AGENT_PY = 'import anthropic\nclient = anthropic.Anthropic()\nTOOLS = [{"name": "label", "description": "Label it", "input_schema": {"type": "object"}}]\nif __name__ == "__main__":\n    client.messages.create(model="claude-sonnet-4-5", max_tokens=500, tools=TOOLS, messages=[])\n';
const compose = (services: Record<string, string>) => `services:\n${Object.entries(services).map(([name, body]) => `  ${name}:\n${body}`).join('')}`;

describe('a root service whose command names a file only a nested project has', () => {
  it('a nested repository (its own .git) is not reached by `node dist/server.js`: no link, no extra item', async () => {
    tree.writeAll({
      'package.json': '{"name":"billing-jobs"}',
      'src/jobs.ts': 'export const jobs = [];\n',
      'docker-compose.yml': compose({ app: '    build: .\n    command: node dist/server.js\n' }),
      'services/dispute-summariser/src/server.js': SUMMARISER,
    });
    mkdirSync(join(tree.root(), '.git'));
    mkdirSync(join(tree.root(), 'services/dispute-summariser/.git'));
    expect(items((await tree.scan()).agents)).toEqual(['llm-call code-entry-point services/dispute-summariser/src/server.js services/dispute-summariser/src/server.js <- services/dispute-summariser/src/server.js']);
  });

  it('a nested package (its own package.json inside a package) is not reached either, and runs from its own compose file', async () => {
    tree.writeAll({
      'package.json': '{"name":"billing-jobs"}',
      'docker-compose.yml': compose({ app: '    build: .\n    command: node dist/server.js\n' }),
      'services/dispute-summariser/package.json': '{"name":"dispute-summariser"}',
      'services/dispute-summariser/src/server.js': SUMMARISER,
      'services/dispute-summariser/docker-compose.yml': compose({ summariser: '    build: .\n    command: node dist/server.js\n' }),
    });
    expect(items((await tree.scan()).agents)).toEqual(['llm-call container-service services/dispute-summariser/docker-compose.yml summariser <- services/dispute-summariser/src/server.js']);
  });

  it('a repository with no manifest at its top runs the code of its sub-folders’ packages', async () => {
    tree.writeAll({
      'docker-compose.yml': compose({ worker: '    image: registry.example.com/worker:1.4\n    command: python /app/worker.py\n' }),
      'worker/pyproject.toml': '[project]\nname = "worker"\n',
      'worker/app/worker.py': AGENT_PY,
    });
    mkdirSync(join(tree.root(), '.git'));
    expect(items((await tree.scan()).agents)).toEqual(['agent container-service docker-compose.yml worker <- worker/app/worker.py']);
  });

  it('a monorepo service built from packages/api runs `node build/index.js` as packages/api/src/index.ts', async () => {
    tree.writeAll({
      'package.json': '{"name":"portal","workspaces":["packages/*"]}',
      'docker-compose.yml': compose({ api: '    build: ./packages/api\n    command: node build/index.js\n' }),
      'packages/api/package.json': '{"name":"@portal/api"}',
      'packages/api/src/index.ts': AGENT_TS,
      'src/index.ts': 'export const portal = true;\n',
    });
    expect(items((await tree.scan()).agents)).toEqual(['agent container-service docker-compose.yml api <- packages/api/src/index.ts']);
  });

  it("a config inside a nested package runs that package's code, not the enclosing repository's file of the same name", async () => {
    tree.writeAll({
      'pyproject.toml': '[project]\nname = "risk"\n',
      'worker.py': AGENT_PY,
      'services/digest/pyproject.toml': '[project]\nname = "digest"\n',
      'services/digest/deploy/Procfile': 'worker: python worker.py\n',
    });
    expect(items((await tree.scan()).agents)).toEqual(['agent code-entry-point worker.py worker.py <- worker.py']);
  });

  it('a manifest in a repository of a checkout folder runs paths from the top of its repository', async () => {
    tree.writeAll({
      'repos/risk/app/agent.py': AGENT_PY,
      'repos/risk/k8s/cronjob.yaml':
        'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: risk-agent\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: agent\n              image: risk:1\n              command: ["python", "app/agent.py"]\n',
    });
    mkdirSync(join(tree.root(), 'repos/risk/.git'), { recursive: true });
    expect(items((await tree.scan()).agents)).toEqual(['agent k8s-cronjob repos/risk/k8s/cronjob.yaml risk-agent <- repos/risk/app/agent.py']);
  });
});
