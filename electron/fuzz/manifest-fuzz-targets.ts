import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, parseDocument } from 'yaml';
import { createAgent } from '../agents/agents-repository';
import { writeManifest } from '../manifest/write-manifest';
import { createWorkspaceFile, type Workspace } from '../store/workspace-file';
import { setBudget } from '../usage/usage-agents';
import type { FuzzInput, FuzzTarget } from './fuzz-importers';
import { importInline } from './fuzz-importers';
import { between, hostileJson, mutateBytes, mutateTextBytes, pick, slotsOf, type FuzzSize, type Mutated, type Random } from './mutations';

/**
 * Fuzz target for the agents manifest (YAML). Seeds are manifests the app writes of a small
 * engagement; every fuzz workspace holds the same agents (by name: the manifest's ids are another
 * workspace's, so matching by name is exercised too). Mutations are what a hand-edited manifest
 * and a hostile one look like: YAML alias bombs, custom tags, merge keys, duplicate keys and ids,
 * the wrong apiVersion, fields retyped, deep nesting, and plain text damage.
 */

const SEED_AGENTS = [
  { name: 'Refund Triage Bot', owner: { name: 'Priya Raman', email: 'priya.raman@example.com' }, trigger: { kind: 'webhook' as const, schedule: '/hooks/refunds' }, credentials: ['STRIPE_KEY'] },
  { name: 'Collections Reminder Bot', owner: { name: 'Sam Okafor', email: '' }, trigger: { kind: 'cron' as const, schedule: '0 9 * * 1-5' } },
  { name: 'Idle Helper' },
];

function prepareAgents(workspace: Workspace): void {
  for (const agent of SEED_AGENTS) {
    const id = createAgent(workspace.db, agent, { actor: 'fuzz', via: 'test' });
    if (agent.name === 'Refund Triage Bot') setBudget(workspace.db, id, { dailyTokenCap: 500_000, dailyCostCapUsd: 20 }, { actor: 'fuzz', via: 'test' });
  }
}

function seedManifests(): FuzzInput[] {
  const path = join(tmpdir(), `atw-manifest-seed-${process.pid}-${Date.now()}.atw`);
  const workspace = createWorkspaceFile(path);
  try {
    const empty = writeManifest(workspace.db);
    prepareAgents(workspace);
    const text = new TextEncoder();
    return [
      { fileName: 'agents.yaml', bytes: text.encode(writeManifest(workspace.db)) },
      { fileName: 'empty-agents.yaml', bytes: text.encode(empty) },
    ];
  } finally {
    workspace.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
}

const WRONG_VALUES: unknown[] = [null, 0, -1, 1e300, 'text', '', true, [], {}, ['a'], { name: '' }, 'agent-triage/v2', 'AgentManifest', '2026-13-45', '\u0000', '../../etc/passwd', 'a'.repeat(5000)];

/** Valid YAML, wrong manifest: a field removed, retyped, duplicated or given a hostile value. */
function mutateFields(random: Random, text: string): Mutated {
  const doc = parseDocument(text);
  const root = doc.toJS() as Record<string, unknown>;
  const slots = slotsOf(root);
  const { parent, key } = pick(random, slots);
  const record = parent as Record<string | number, unknown>;
  let how: string;
  switch (between(random, 0, 3)) {
    case 0:
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete record[key];
      how = `${String(key)} removed`;
      break;
    case 1: {
      const wrong = pick(random, WRONG_VALUES);
      record[key] = structuredClone(wrong);
      how = `${String(key)} set to ${JSON.stringify(wrong).slice(0, 40)}`;
      break;
    }
    case 2: {
      const agents = root.agents as unknown[] | undefined;
      if (Array.isArray(agents) && agents.length > 0) agents.push(structuredClone(agents[0]));
      how = 'first agent listed twice';
      break;
    }
    default:
      record[`${String(key)}-extra`] = 'unexpected';
      how = `unknown field beside ${String(key)}`;
  }
  return { bytes: new TextEncoder().encode(new Document(root).toString()), how };
}

/** YAML that attacks the parser: alias bombs, custom tags, merge keys, duplicate keys, deep nesting. */
function hostileYaml(random: Random, text: string, size: FuzzSize): Mutated {
  const encode = (t: string, how: string) => ({ bytes: new TextEncoder().encode(t), how });
  const header = 'apiVersion: agent-triage/v1\nkind: AgentManifest\n';
  switch (between(random, 0, 6)) {
    case 0: {
      const levels = between(random, 3, 12);
      const lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i <= levels; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(',')}]`);
      return encode(`${header}${lines.join('\n')}\nagents: *l${levels}\n`, `alias bomb ${levels} levels deep`);
    }
    case 1:
      return encode(text.replace('agents:', `evil: !!js/function "function () { return process.exit(1) }"\nagents:`), 'a custom tag');
    case 2:
      return encode(text.replace(/( {2}- id: .*\n)/, `$1    <<: *nothing\n`), 'a merge key to an undefined alias');
    case 3:
      return encode(text.replace('kind: AgentManifest', 'kind: AgentManifest\nkind: AgentManifest'), 'a duplicate key');
    case 4: {
      const depth = between(random, 10, size.deepNesting);
      return encode(`${header}agents: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, `flow sequences nested ${depth} deep`);
    }
    case 5: {
      const depth = between(random, 10, Math.min(size.deepNesting, 5_000));
      return encode(`${header}agents:\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- `).join('\n')}x\n`, `block sequences nested ${depth} deep`);
    }
    default: {
      const json = hostileJson(random, size);
      return encode(`${header}agents: ${json.text}\n`, json.how);
    }
  }
}

export function manifestFuzzTarget(): FuzzTarget {
  return {
    name: 'agents manifest',
    seeds: async () => seedManifests(),
    prepare: prepareAgents,
    mutate: (random, seed, size) => {
      const text = new TextDecoder().decode(seed.bytes);
      const roll = random();
      const mutated = roll < 0.3 ? mutateFields(random, text) : roll < 0.55 ? hostileYaml(random, text, size) : roll < 0.9 ? mutateTextBytes(random, seed.bytes, size) : mutateBytes(random, seed.bytes, size);
      return { ...mutated, fileName: seed.fileName };
    },
    importFile: async (workspace, input) => {
      await importInline(workspace, input);
    },
  };
}
