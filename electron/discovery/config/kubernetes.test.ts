import { describe, expect, it } from 'vitest';
import { analyzeKubernetes } from './kubernetes';
import { fixture, lineWith, secretName, testContext } from './test-support';

const text = fixture('kubernetes/agents.yaml');
const analyze = () => analyzeKubernetes('deploy/agents.yaml', text, testContext())!;

describe('analyzeKubernetes', () => {
  it('makes units of CronJobs and Deployments across documents, at the kind line', () => {
    expect(analyze().units.map((u) => [u.kind, u.name])).toEqual([
      ['k8s-cronjob', 'market-digest'],
      ['k8s-deployment', 'refund-worker'],
      ['k8s-deployment', 'chat-api'],
    ]);
    expect(analyze().units[0]!.evidence.line).toBe(lineWith(text, 'kind: CronJob'));
  });

  it('reads the CronJob schedule with its time zone, command, secrets and service account', () => {
    const [digest] = analyze().units;
    expect(digest!.trigger).toMatchObject({ kind: 'cron', schedule: '0 6 * * 1-5', description: 'Every Monday to Friday at 06:00 (Europe/London)' });
    expect(digest!.trigger.evidence!.line).toBe(lineWith(text, 'schedule: "0 6'));
    expect(digest!.runs).toEqual(['python -m digest.run --since 24h']);
    expect(digest!.codePaths).toEqual(['digest/run.py']);
    expect(digest!.credentials.map((c) => [c.kind, c.name])).toEqual([
      ['service-account', 'serviceaccount/agents/research-agent'],
      ['iam-role', 'arn:aws:iam::123456789012:role/research-agent'],
      ['k8s-secret', 'secret/agents/llm-keys#anthropic'],
      ['env-var', 'ANTHROPIC_API_KEY'],
      ['hardcoded-secret', secretName('DB_PASSWORD')],
      ['env-var', 'DB_PASSWORD'],
      ['k8s-secret', 'secret/agents/digest-smtp'],
    ]);
    const role = digest!.credentials.find((c) => c.kind === 'iam-role')!;
    expect(role.evidence.line).toBe(lineWith(text, 'eks.amazonaws.com/role-arn'));
    expect(digest!.llm.map((l) => [l.provider, l.models])).toEqual([
      ['anthropic', []],
      ['anthropic', ['claude-sonnet-4-5']],
    ]);
  });

  it('lists service-account identities at file level so other files can be joined to them', () => {
    expect(analyze().credentials).toMatchObject([{ kind: 'iam-role', name: 'serviceaccount/agents/research-agent -> arn:aws:iam::123456789012:role/research-agent', provider: 'aws' }]);
  });

  it('joins GKE workload identity to the CronJob that runs as the service account', () => {
    const text = fixture('kubernetes/gke-workload.yaml');
    const findings = analyzeKubernetes('ml/gke-workload.yaml', text, testContext())!;
    expect(findings.credentials.map((c) => c.name)).toEqual(['serviceaccount/ml/summariser -> summariser@acme-ml.iam.gserviceaccount.com']);
    const [unit] = findings.units;
    expect(unit!.credentials.map((c) => [c.kind, c.name, c.provider])).toEqual([
      ['service-account', 'serviceaccount/ml/summariser', null],
      ['service-account', 'summariser@acme-ml.iam.gserviceaccount.com', 'google'],
    ]);
    expect(unit!.codePaths).toEqual(['dist/summarise.js']);
    expect(unit!.llm).toMatchObject([{ provider: 'google', models: ['gemini-2.5-flash'] }]);
  });

  it('never shows a literal secret, even in the snippet of the line that holds it', () => {
    const json = JSON.stringify(analyze());
    expect(json).not.toContain('s3cr3t-Passw0rd-1');
    const secret = analyze().units[0]!.credentials.find((c) => c.kind === 'hardcoded-secret')!;
    expect(secret.evidence.line).toBe(lineWith(text, 's3cr3t-Passw0rd-1'));
    expect(secret.evidence.snippet).toBe('value: "…"');
  });

  it('decides how a long-running service is triggered: queue, then port, else unknown', () => {
    const [, worker, api] = analyze().units;
    expect(worker!.trigger).toMatchObject({ kind: 'event', schedule: 'queue', description: 'Consumes messages (queue)' });
    expect(worker!.trigger.evidence!.line).toBe(lineWith(text, 'name: REFUND_QUEUE_URL'));
    expect(worker!.runs).toEqual(['python /app/worker.py']);
    expect(worker!.codePaths).toEqual(['app/worker.py']);
    expect(worker!.endpoints).toMatchObject([{ host: 'sqs.eu-west-1.amazonaws.com', purpose: 'api' }]);
    expect(api!.trigger).toMatchObject({ kind: 'webhook', schedule: '8080' });
    expect(api!.runs).toEqual(['ghcr.io/acme/chat-api:3.1.0 (image entrypoint)']);
    const bare = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: indexer}\nspec:\n  template:\n    spec:\n      containers: [{name: i, image: indexer}]\n';
    expect(analyzeKubernetes('s.yaml', bare, testContext())!.units[0]!.trigger.kind).toBe('unknown');
  });

  it('finds a Service that selects a Deployment', () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: hooks}
spec:
  template:
    metadata: {labels: {app: hooks}}
    spec:
      containers: [{name: h, image: hooks}]
---
apiVersion: v1
kind: Service
metadata: {name: hooks-svc}
spec:
  selector: {app: hooks}
  ports: [{port: 80}]
`;
    expect(analyzeKubernetes('hooks.yaml', yaml, testContext())!.units[0]!.trigger).toMatchObject({ kind: 'webhook', schedule: 'service/hooks-svc' });
  });

  it('reads Helm templates best-effort: templating blanked, broken documents skipped with a warning', () => {
    const helm = fixture('kubernetes/helm-cronjob.yaml');
    const ctx = testContext();
    const findings = analyzeKubernetes('charts/agents/templates/digest.yaml', helm, ctx)!;
    const [unit] = findings.units;
    expect(unit).toMatchObject({ kind: 'k8s-cronjob', name: '{{ include "agents.fullname" . }}-digest', runs: ['python digest.py'] });
    expect(unit!.trigger).toMatchObject({ kind: 'cron', schedule: '{{ .Values.digest.schedule | quote }}' });
    expect(unit!.credentials.map((c) => c.name)).toContain('secret/default/openai#api-key');
    expect(ctx.warnings).toHaveLength(1);
    expect(ctx.warnings[0]!.message).toMatch(/^line \d+: document skipped, not valid YAML/);
  });

  it('reads kind: List and returns null for YAML that is not Kubernetes', () => {
    const list = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata: {name: nightly}\n    spec: {schedule: "@daily"}\n';
    const [unit] = analyzeKubernetes('list.yaml', list, testContext())!.units;
    expect(unit).toMatchObject({ name: 'nightly', trigger: { description: 'Every day at 00:00' } });
    expect(unit!.evidence.line).toBe(5);
    expect(analyzeKubernetes('values.yaml', 'replicaCount: 1\nimage: {repository: x}\n', testContext())).toBeNull();
  });
});

describe('a Knative (Cloud Run) service.yaml', () => {
  const service = fixture('kubernetes/cloud-run-service.yaml');

  it('is a long-running workload serving HTTP, with its container’s command, environment and service account; not a Kubernetes Service', () => {
    const findings = analyzeKubernetes('deploy/cloud-run/service.yaml', service, testContext())!;
    const [unit] = findings.units;
    expect(unit).toMatchObject({ kind: 'k8s-deployment', name: 'dispute-assistant', runs: ['python -m assistant.server'] });
    expect(unit!.trigger).toMatchObject({ kind: 'webhook', description: 'Serves HTTP requests (Knative / Cloud Run service dispute-assistant)' });
    expect(unit!.credentials.map((c) => [c.kind, c.name])).toEqual(
      expect.arrayContaining([
        ['k8s-secret', expect.stringContaining('gemini-api-key')],
        ['service-account', expect.stringContaining('dispute-assistant@northwind-prod.iam.gserviceaccount.com')],
      ]),
    );
    expect(findings.k8sServices ?? []).toEqual([]);
  });
});
