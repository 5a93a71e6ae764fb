import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from '../api/test-engine';
import { resourcesDir } from '../resources-dir';

type Env = Awaited<ReturnType<typeof testEngine>>;
let env: Env;
afterEach(async () => env?.close());

const demoIam = (name: string) => ({ fileName: name, contentBase64: readFileSync(join(resourcesDir(), 'demo', 'iam', name)).toString('base64') });
const DEMO_FILES = ['aws-prod-authorization-details.json', 'aws-prod-credential-report.csv', 'kubernetes-rbac.json'];

async function demoWithIam(): Promise<Env> {
  env = await testEngine();
  await env.call('openDemoWorkspace', { reset: true });
  const { jobId } = await env.call('startImport', { files: DEMO_FILES.map(demoIam) });
  const job = await env.finished(jobId);
  expect(job.state, JSON.stringify(job.error)).toBe('succeeded');
  return env;
}

async function agentNamed(name: string): Promise<string> {
  const { rows } = await env.call('listAgents', { text: name });
  const agent = rows.find((r) => r.name === name);
  if (!agent) throw new Error(`no demo agent ${name}`);
  return agent.id;
}

describe('blast radius on the demo engagement', () => {
  it('joins an agent to the role its registry names and the data that role can reach', async () => {
    await demoWithIam();
    const radius = await env.call('blastRadius', { agentId: await agentNamed('KYC Document Reviewer') });
    console.log(JSON.stringify(radius.paths.map((p) => [p.credential, p.principals.join('>'), p.dataSourceName, p.access, p.sensitivity, p.environment, p.conditional]), null, 0));
    console.log(radius.gaps);
    expect(radius.paths.length).toBeGreaterThan(0);
  });
});
