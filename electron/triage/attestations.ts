import type { Attestation, ChecklistItemKey } from '../../shared/checklist';
import { CHECKLIST_ITEMS } from '../../shared/checklist';
import { BackendError } from '../../shared/errors';
import { appendAudit, type ChangeAuthor } from '../store/audit-log';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';

interface AttestationRow {
  item_key: string;
  status: Attestation['status'];
  note: string;
  by_actor: string;
  at: string;
}

const toAttestation = (r: AttestationRow): Attestation => ({ status: r.status, note: r.note, by: r.by_actor, at: r.at });

export function attestationsOf(db: Db, agentId: string): Map<string, Attestation> {
  const rows = statement(db, 'SELECT item_key, status, note, by_actor, at FROM checklist_attestations WHERE agent_id = ?').all(agentId) as AttestationRow[];
  return new Map(rows.map((r) => [r.item_key, toAttestation(r)]));
}

/** Every agent's attestations, in one read (agent id -> item key -> attestation). */
export function allAttestations(db: Db): Map<string, Map<string, Attestation>> {
  const rows = statement(db, 'SELECT agent_id, item_key, status, note, by_actor, at FROM checklist_attestations').all() as Array<AttestationRow & { agent_id: string }>;
  const out = new Map<string, Map<string, Attestation>>();
  for (const r of rows) {
    const forAgent = out.get(r.agent_id) ?? new Map<string, Attestation>();
    forAgent.set(r.item_key, toAttestation(r));
    out.set(r.agent_id, forAgent);
  }
  return out;
}

const describe = (a: Pick<Attestation, 'status' | 'note'> | undefined) => (a ? `${a.status}${a.note ? `: ${a.note}` : ''}` : null);

/** Records (or, with a null status, withdraws) a person's word on an item; audited on the agent. */
export function attest(db: Db, agentId: string, key: ChecklistItemKey, status: Attestation['status'] | null, note: string, author: ChangeAuthor): void {
  writeTransaction(db, () => {
    if (!statement(db, 'SELECT 1 FROM agents WHERE id = ?').get(agentId)) throw new BackendError('not-found', `No agent with id ${agentId}.`);
    const item = CHECKLIST_ITEMS.find((i) => i.key === key);
    if (!item) throw new BackendError('not-found', `There is no checklist item ${key}.`);
    const before = attestationsOf(db, agentId).get(key);
    const at = new Date().toISOString();
    if (status === null) statement(db, 'DELETE FROM checklist_attestations WHERE agent_id = ? AND item_key = ?').run(agentId, key);
    else {
      statement(
        db,
        `INSERT INTO checklist_attestations (agent_id, item_key, status, note, by_actor, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (agent_id, item_key) DO UPDATE SET status = excluded.status, note = excluded.note, by_actor = excluded.by_actor, at = excluded.at`,
      ).run(agentId, key, status, note, author.actor, at);
    }
    appendAudit(db, author, [{ entity: 'agent', entityId: agentId, field: `checklist: ${item.title}`, before: describe(before), after: status === null ? 'withdrawn' : describe({ status, note }) }], at);
  });
}
