/**
 * Checklist attestations: a person's word on one item of one agent (done, not done, not
 * applicable, with a note). A decision, audited; the automatic verdict is computed from the facts
 * every time and shown beside it, never replaced by it.
 */
export default /* sql */ `
CREATE TABLE checklist_attestations (
  agent_id  TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  item_key  TEXT NOT NULL,
  status    TEXT NOT NULL CHECK (status IN ('done', 'not-done', 'not-applicable')),
  note      TEXT NOT NULL,
  by_actor  TEXT NOT NULL,
  at        TEXT NOT NULL,
  PRIMARY KEY (agent_id, item_key)
) STRICT;
`;
