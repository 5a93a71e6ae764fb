import { describe, expect, it } from 'vitest';
import { scanTreeFixture } from '../scan/test-scan-tree';
import { mastraServeOf } from './mastra-server';

/**
 * A Mastra app served by the Mastra CLI (the vishesh-baghel/kestra-agent shape: `"start": "mastra
 * start"`, agents in src/mastra/agents/, the app in src/mastra/index.ts): the real scanner over
 * small trees written like real repositories.
 */

const tree = scanTreeFixture('atw-mastra-');
const write = tree.write;

function writeApp(scripts: Record<string, string>): void {
  write('package.json', JSON.stringify({ name: 'payout-desk', type: 'module', scripts, dependencies: { '@mastra/core': '0.12.1', '@ai-sdk/openai': '1.3.23' }, devDependencies: { mastra: '0.10.18' } }));
  write('src/mastra/agents/index.ts', 'export * from "./payout-agent";\nexport * from "./ledger-agent";\n');
  write('src/mastra/agents/payout-agent.ts', 'import { Agent } from "@mastra/core/agent";\nimport { openai } from "@ai-sdk/openai";\n\nexport const payoutAgent = new Agent({ name: "Payout Agent", instructions: "Explain payouts.", model: openai("gpt-4o-mini") });\n');
  write('src/mastra/agents/ledger-agent.ts', 'import { Agent } from "@mastra/core/agent";\nimport { openai } from "@ai-sdk/openai";\n\nexport const ledgerAgent = new Agent({ name: "Ledger Agent", instructions: "Read the ledger.", model: openai("gpt-4o") });\n');
  write('src/mastra/index.ts', 'import { Mastra } from "@mastra/core/mastra";\nimport * as agents from "./agents";\n\nexport const mastra = new Mastra({ agents });\n');
}

describe('a Mastra app the Mastra CLI serves', () => {
  it('reads `mastra start`, `mastra dev --dir`, the built server and nothing else', () => {
    expect(mastraServeOf(['mastra', 'start'])).toEqual({ appDir: 'src/mastra', dev: false });
    expect(mastraServeOf(['mastra', 'dev', '--dir', 'app/mastra'])).toEqual({ appDir: 'app/mastra', dev: true });
    expect(mastraServeOf(['node', '.mastra/output/index.mjs'])).toEqual({ appDir: 'src/mastra', dev: false });
    expect(mastraServeOf(['mastra', 'build'])).toBeNull();
    expect(mastraServeOf(['node', 'dist/index.js'])).toBeNull();
  });

  it('served by a package script (`mastra start`) runs when its HTTP endpoint is called, trusted like any entry point', async () => {
    writeApp({ dev: 'mastra dev', build: 'mastra build', start: 'mastra start' });
    const { agents } = await tree.scan();
    const app = agents.find((a) => a.unit.path === 'src/mastra/index.ts')!;
    expect([app.unit.kind, app.trigger.kind, app.trigger.description]).toEqual(['code-entry-point', 'user', 'Runs when its HTTP endpoint is called (the Mastra server, package script "start")']);
    expect(app.confidence).toBeGreaterThanOrEqual(0.85);
    expect(agents.filter((a) => a.unit.kind === 'sub-agent').map((a) => a.name).sort()).toEqual(['Ledger Agent', 'Payout Agent']);
  });

  it('served only by `mastra dev` it gets no trigger (a developer runs the dev server)', async () => {
    writeApp({ dev: 'mastra dev', build: 'mastra build' });
    const { agents } = await tree.scan();
    const app = agents.find((a) => a.unit.path === 'src/mastra/index.ts')!;
    expect([app.trigger.kind, app.confidence < 0.6]).toEqual(['unknown', true]);
  });

  it('a Dockerfile starting the Mastra server (`npx mastra start`, `npm start` of the built server) runs the app module', async () => {
    writeApp({ build: 'mastra build', start: 'node .mastra/output/index.mjs' });
    write('Dockerfile', 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nEXPOSE 4111\nCMD ["npm", "start"]\n');
    write('worker/Dockerfile', 'FROM node:22-slim\nWORKDIR /app\nCOPY .. .\nCMD ["npx", "mastra", "start", "--dir", "src/mastra"]\n');
    const { agents } = await tree.scan();
    const units = agents.filter((a) => a.unit.kind !== 'sub-agent').map((a) => [a.unit.kind, a.unit.path, a.entryPoints]);
    expect(units).toEqual([
      ['container-service', 'Dockerfile', ['src/mastra/index.ts']],
      ['container-service', 'worker/Dockerfile', ['src/mastra/index.ts']],
    ]);
    expect(agents.some((a) => a.unit.kind === 'code-entry-point')).toBe(false);
  });
});
