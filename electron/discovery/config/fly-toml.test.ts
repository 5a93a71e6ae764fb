import { describe, expect, it } from 'vitest';
import { analyzeFlyToml } from './fly-toml';
import { analyzeConfigFile } from './index';
import { fixture, lineWith, testContext } from './test-support';

const FLY = fixture('fly/fly.toml');

describe('Fly.io fly.toml', () => {
  it('makes each process group a unit: the one HTTP reaches serves requests, the others run in the background', () => {
    const [app, worker] = analyzeFlyToml('fly.toml', FLY, testContext())!.units;
    expect(app).toMatchObject({ kind: 'container-service', name: 'dispute-desk app', runs: ['uvicorn desk.api:app --host 0.0.0.0 --port 8080'], build: { context: '.', dockerfile: 'Dockerfile.fly' } });
    expect(app!.evidence.line).toBe(lineWith(FLY, "app = 'uvicorn"));
    expect(app!.trigger).toMatchObject({ kind: 'webhook', description: 'Serves HTTP requests (Fly.io app dispute-desk, app processes)' });
    expect(worker).toMatchObject({ name: 'dispute-desk worker', runs: ['python -m desk.worker'] });
    expect(worker!.trigger).toMatchObject({ kind: 'event', schedule: 'background' });
    expect(app!.llm.map((l) => l.provider)).toContain('openai');
  });

  it('without [processes] is one group running its image’s command, named by the app', () => {
    const [unit] = analyzeFlyToml('bot/fly.toml', "app = 'ledger-bot'\n\n[http_service]\n  internal_port = 3000\n", testContext())!.units;
    expect(unit).toMatchObject({ name: 'ledger-bot', runs: [], build: { context: 'bot', dockerfile: null } });
    expect(unit!.trigger.kind).toBe('webhook');
    const pulled = analyzeFlyToml('fly.toml', "app = 'mcp-proxy'\n\n[build]\n  image = 'ghcr.io/acme/mcp-proxy:1.4'\n", testContext())!.units[0]!;
    expect(pulled).toMatchObject({ runs: ['ghcr.io/acme/mcp-proxy:1.4 (image)'] });
    expect(pulled.build).toBeUndefined();
    expect(pulled.trigger.kind).toBe('event');
  });

  it('is routed by name (fly.staging.toml too); a file with no app gives nothing, a malformed one a warning', async () => {
    expect((await analyzeConfigFile('deploy/fly.staging.toml', FLY, testContext())).findings!.format).toBe('fly');
    expect(analyzeFlyToml('fly.toml', "primary_region = 'ams'\n", testContext())).toBeNull();
    const broken = await analyzeConfigFile('fly.toml', "app = 'x\n", testContext());
    expect(broken.findings).toBeNull();
    expect(broken.warnings[0]!.message).toMatch(/not valid TOML.*read as a Fly\.io config/);
  });
});
