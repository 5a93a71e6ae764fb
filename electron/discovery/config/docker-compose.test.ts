import { describe, expect, it } from 'vitest';
import { analyzeDockerCompose } from './docker-compose';
import { fixture, lineWith, secretName, testContext } from './test-support';

const text = fixture('docker-compose/docker-compose.yml');
const analyze = () => analyzeDockerCompose('stack/docker-compose.yml', text, testContext())!;

describe('analyzeDockerCompose', () => {
  it('keeps the build context and Dockerfile of a service that builds an image, and its profiles', () => {
    const compose = 'services:\n  worker:\n    build:\n      context: ./worker\n      dockerfile: Dockerfile.prod\n    profiles: [dev]\n  api:\n    build: .\n    command: python -m api\n  cache:\n    image: redis:7\n';
    const units = analyzeDockerCompose('stack/compose.yaml', compose, testContext())!.units;
    expect(units.map((u) => [u.name, u.build, u.profiles])).toEqual([
      ['worker', { context: 'stack/worker', dockerfile: 'Dockerfile.prod' }, ['dev']],
      ['api', { context: 'stack', dockerfile: null }, undefined],
    ]);
  });

  it('makes units of services that run their own code, with code paths from the build context', () => {
    const units = analyze().units;
    expect(units.map((u) => [u.kind, u.name, u.runs, u.codePaths])).toEqual([
      ['container-service', 'agent', ['python -m agent.loop'], ['stack/agent/agent/loop.py']],
      ['container-service', 'api', ['uvicorn app.main:app --host 0.0.0.0 --port 8000'], ['stack/api/app/main.py']],
      ['container-service', 'summary-worker', ['python -m agent.summary_worker'], ['stack/agent/agent/summary_worker.py']],
    ]);
    expect(units[1]!.evidence.line).toBe(lineWith(text, '  api:'));
  });

  it('decides triggers from queues and ports, and a service named for background work runs in the background', () => {
    const [agent, api, worker] = analyze().units;
    expect(agent!.trigger).toMatchObject({ kind: 'event', schedule: 'queue' });
    expect(agent!.trigger.evidence!.line).toBe(lineWith(text, 'AGENT_QUEUE'));
    expect(api!.trigger).toMatchObject({ kind: 'webhook', schedule: '8000:8000' });
    expect(worker!.trigger).toMatchObject({ kind: 'event', schedule: 'background' });
    expect(worker!.trigger.evidence!.line).toBe(lineWith(text, '  summary-worker:'));
  });

  it('reads map and list environments, env files and connection strings without passwords', () => {
    const findings = analyze();
    const [agent, api] = findings.units;
    expect(agent!.credentials.map((c) => [c.kind, c.name])).toEqual([
      ['env-var', 'OPENAI_API_KEY'],
      // The password is fingerprinted under the connection it opens, never named by any of its characters.
      ['connection-string', 'postgresql://agent@db:5432/agent'],
      ['env-var', 'env_file .env.agent'],
    ]);
    expect(api!.credentials.map((c) => [c.kind, c.name, c.evidence.line])).toEqual([
      ['hardcoded-secret', secretName('anthropic key sk-ant-api03-… (49 chars)'), lineWith(text, 'ANTHROPIC_API_KEY=')],
      ['env-var', 'ANTHROPIC_API_KEY', lineWith(text, 'ANTHROPIC_API_KEY=')],
    ]);
    // The database runs no code of ours, but its password in clear is still reported.
    expect(findings.credentials.map((c) => c.kind)).toEqual(['hardcoded-secret', 'env-var']);
    const json = JSON.stringify(findings);
    for (const secret of ['hunter2hunter2', 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', 'example-db-pass']) expect(json).not.toContain(secret);
  });

  it('keeps a weak password under a credential name out of every snippet, though it is too short to count as a secret', () => {
    const weak = 'services:\n  app:\n    build: .\n    command: python app.py\n    environment:\n      DB_PASSWORD: hunt3r\n';
    const findings = analyzeDockerCompose('compose.yaml', weak, testContext())!;
    expect(findings.units[0]!.credentials).toMatchObject([{ kind: 'env-var', name: 'DB_PASSWORD', fingerprint: null, evidence: { snippet: 'DB_PASSWORD: …' } }]);
    expect(JSON.stringify(findings)).not.toContain('hunt3r');
  });

  it('keeps the ports a service publishes, short and long form, and the MCP URLs its environment names', () => {
    const compose = 'services:\n  ledger-mcp:\n    build: ./ledger\n    ports:\n      - "8101:8101"\n      - "127.0.0.1:9101:9000/tcp"\n      - target: 8000\n        published: 18000\n  closer:\n    build: ./agent\n    environment:\n      LEDGER_MCP_URL: http://ledger-mcp:8101/mcp\n      DOCS_URL: http://docs:8080/mcp\n      TEMPLATED_MCP_URL: http://${HOST}:8101/mcp\n';
    const units = analyzeDockerCompose('compose.yaml', compose, testContext())!.units;
    expect(units.map((u) => [u.name, u.ports, u.mcpUrls?.map((m) => [m.name, m.url, m.evidence.line])])).toEqual([
      ['ledger-mcp', ['8101:8101', '127.0.0.1:9101:9000/tcp', '18000:8000'], undefined],
      ['closer', undefined, [['LEDGER_MCP_URL', 'http://ledger-mcp:8101/mcp', 12]]],
    ]);
  });

  it('returns null for YAML with no services', () => {
    expect(analyzeDockerCompose('compose.yaml', 'version: "3"\nvolumes: {}\n', testContext())).toBeNull();
  });
});
