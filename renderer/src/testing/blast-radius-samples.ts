import type { BlastPath, BlastRadius, GraphEdge, GraphNode } from '../../../shared/blast-radius';
import type { DataSourceSummary } from '../../../shared/contract';
import type { StatementRef } from '../../../shared/iam';

/** Small, realistic blast radius graphs for unit tests of the canvas model and the slices. */

export const statement = (over: Partial<StatementRef> = {}): StatementRef => ({
  policy: 'payments-read',
  policyKey: 'arn:aws:iam::111122223333:policy/payments-read',
  statement: 'ReadPayments',
  text: '{"Sid":"ReadPayments","Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::payments-prod/*"}',
  ...over,
});

export const graphNode = (over: Partial<GraphNode> & Pick<GraphNode, 'id' | 'kind'>): GraphNode => ({
  label: over.id.split(':').slice(1).join(':'),
  detail: '',
  provider: over.kind === 'agent' ? null : 'aws',
  scope: '111122223333',
  group: '',
  flags: [],
  ...over,
});

export const graphEdge = (source: string, target: string, over: Partial<GraphEdge> = {}): GraphEdge => ({
  id: `${source}->${target}`,
  source,
  target,
  kind: 'grants',
  access: null,
  conditional: false,
  riskClasses: [],
  via: [],
  reason: '',
  ...over,
});

export const blastPath = (over: Partial<BlastPath> = {}): BlastPath => ({
  agentId: 'a1',
  agentName: 'invoice-bot',
  credential: 'IAM role invoice-bot-lambda',
  principals: ['invoice-bot-lambda'],
  dataSourceKey: 'arn:aws:s3:::payments-prod',
  dataSourceName: 'payments-prod',
  environment: 'prod',
  sensitivity: 'restricted',
  access: 'write',
  conditional: false,
  riskClasses: ['data-exfiltration'],
  via: [statement()],
  ...over,
});

/** invoice-bot -> its role -> (assumes) an admin role -> three buckets and a table. */
export function sampleBlastRadius(): BlastRadius {
  const nodes: GraphNode[] = [
    graphNode({ id: 'agent:a1', kind: 'agent', label: 'invoice-bot', detail: 'confirmed agent', flags: ['focus'] }),
    graphNode({ id: 'credential:c1', kind: 'credential', label: 'IAM role invoice-bot-lambda', detail: 'named in discovery', flags: ['shared-credential'] }),
    graphNode({ id: 'principal:r1', kind: 'principal', label: 'invoice-bot-lambda', detail: 'AWS role · 111122223333', group: 'role', principalKind: 'role' }),
    graphNode({ id: 'principal:r2', kind: 'principal', label: 'payments-admin', detail: 'AWS role · 111122223333', group: 'role', principalKind: 'role', flags: ['foreign-trust'] }),
    graphNode({ id: 'data-source:b1', kind: 'data-source', label: 'payments-prod', detail: 's3 bucket', group: 's3', environment: 'prod', sensitivity: 'restricted', dataSourceKind: 'bucket' }),
    graphNode({ id: 'data-source:b2', kind: 'data-source', label: 'invoices-staging', detail: 's3 bucket', group: 's3', environment: 'staging', sensitivity: 'internal', dataSourceKind: 'bucket' }),
    graphNode({ id: 'data-source:b3', kind: 'data-source', label: 'every s3 bucket', detail: 's3 (wildcard)', group: 's3', environment: 'unknown', sensitivity: 'unknown', dataSourceKind: 'service-wide', flags: ['wildcard'] }),
    graphNode({ id: 'data-source:t1', kind: 'data-source', label: 'customers', detail: 'dynamodb table', group: 'dynamodb', scope: '444455556666', environment: 'prod', sensitivity: 'confidential', dataSourceKind: 'table' }),
  ];
  const edges: GraphEdge[] = [
    graphEdge('agent:a1', 'credential:c1', { kind: 'holds', reason: 'named in discovery' }),
    graphEdge('credential:c1', 'principal:r1', { kind: 'authenticates-as' }),
    graphEdge('principal:r1', 'principal:r2', { kind: 'can-assume', conditional: true }),
    graphEdge('principal:r1', 'data-source:b2', { access: 'read', via: [statement()] }),
    graphEdge('principal:r2', 'data-source:b1', { access: 'write', riskClasses: ['data-exfiltration'], via: [statement()] }),
    graphEdge('principal:r2', 'data-source:b3', { access: 'list', via: [statement()] }),
    graphEdge('principal:r2', 'data-source:t1', { access: 'read', conditional: true, via: [statement()] }),
  ];
  return {
    focus: { kind: 'agent', agentId: 'a1', name: 'invoice-bot' },
    nodes,
    edges,
    paths: [
      blastPath({ principals: ['invoice-bot-lambda', 'payments-admin'] }),
      blastPath({ principals: ['invoice-bot-lambda', 'payments-admin'], dataSourceKey: 't1', dataSourceName: 'customers', sensitivity: 'confidential', access: 'read', conditional: true }),
      blastPath({ dataSourceKey: 'b2', dataSourceName: 'invoices-staging', environment: 'staging', sensitivity: 'internal', access: 'read', riskClasses: [] }),
      blastPath({ principals: ['invoice-bot-lambda', 'payments-admin'], dataSourceKey: 'b3', dataSourceName: 'every s3 bucket', environment: 'unknown', sensitivity: 'unknown', access: 'list', riskClasses: [] }),
    ],
    summary: [
      { sensitivity: 'restricted', access: 'write', count: 1 },
      { sensitivity: 'confidential', access: 'read', count: 1 },
      { sensitivity: 'internal', access: 'read', count: 1 },
    ],
    gaps: [],
  };
}

/** A wide graph: one agent, one role, `count` buckets over a few services: the collapse-by-default case. */
export function wideBlastRadius(count: number): BlastRadius {
  const services = ['s3', 'dynamodb', 'secretsmanager', 'sqs'];
  const nodes: GraphNode[] = [
    graphNode({ id: 'agent:a1', kind: 'agent', label: 'etl-agent', flags: ['focus'] }),
    graphNode({ id: 'credential:c1', kind: 'credential', label: 'etl key' }),
    graphNode({ id: 'principal:r1', kind: 'principal', label: 'etl-role', group: 'role' }),
  ];
  const edges: GraphEdge[] = [graphEdge('agent:a1', 'credential:c1', { kind: 'holds' }), graphEdge('credential:c1', 'principal:r1', { kind: 'authenticates-as' })];
  for (let i = 0; i < count; i++) {
    const service = services[i % services.length]!;
    const id = `data-source:${service}-${i}`;
    nodes.push(graphNode({ id, kind: 'data-source', label: `${service}-${i}`, group: service, scope: i % 2 ? '111122223333' : '444455556666', environment: 'prod', sensitivity: 'internal' }));
    edges.push(graphEdge('principal:r1', id, { access: i % 3 === 0 ? 'write' : 'read' }));
  }
  const paths = nodes
    .filter((n) => n.kind === 'data-source')
    .map((n, i) => blastPath({ agentName: 'etl-agent', credential: 'etl key', principals: ['etl-role'], dataSourceKey: n.id, dataSourceName: n.label, sensitivity: 'internal', access: i % 3 === 0 ? 'write' : 'read', riskClasses: [] }));
  return { focus: { kind: 'agent', agentId: 'a1', name: 'etl-agent' }, nodes, edges, paths, summary: [{ sensitivity: 'internal', access: 'write', count: Math.ceil(count / 3) }], gaps: [] };
}

export const dataSourceSummary = (over: Partial<DataSourceSummary> = {}): DataSourceSummary => ({
  key: 'arn:aws:s3:::payments-prod',
  name: 'payments-prod',
  provider: 'aws',
  service: 's3',
  kind: 'bucket',
  scope: '111122223333',
  wildcard: false,
  environment: 'prod',
  sensitivity: 'restricted',
  classifiedBy: 'rule',
  because: 'tag data-class=restricted',
  tags: { 'data-class': 'restricted' },
  agentCount: 2,
  principalCount: 3,
  highestAccess: 'write',
  ...over,
});
