/**
 * The agent registry: what people decided about each agent (Step 0), and the append-only audit
 * log of every such decision. Facts found by importers live in their own source-scoped tables
 * (added by the importers' migrations) and are joined to agents by `identity_key`, so a
 * re-import can replace facts wholesale without touching a decision recorded here.
 */
export default /* sql */ `
CREATE TABLE workspace_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE agents (
  id                  TEXT PRIMARY KEY,
  -- Stable identity across re-scans and re-imports: 'manual:<uuid>' for agents people add,
  -- '<source>:<deployable unit>:<entry point>' for discovered ones.
  identity_key        TEXT NOT NULL UNIQUE,
  name                TEXT NOT NULL,
  status              TEXT NOT NULL DEFAULT 'candidate'
                        CHECK (status IN ('candidate', 'confirmed', 'dismissed', 'retired')),
  trigger_kind        TEXT NOT NULL DEFAULT 'unknown'
                        CHECK (trigger_kind IN ('cron', 'webhook', 'user', 'event', 'chained', 'unknown')),
  schedule            TEXT,
  owner_name          TEXT,
  owner_email         TEXT,
  last_reviewed       TEXT,
  rollback_procedure  TEXT,
  rollback_rehearsed  TEXT,
  description         TEXT NOT NULL DEFAULT '',
  vendor              TEXT NOT NULL DEFAULT '',
  environment         TEXT NOT NULL DEFAULT '',
  notes               TEXT NOT NULL DEFAULT '{}',
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
-- No secondary indexes: the registry is listed whole (a scan of 10,000 rows takes a few ms)
-- and every index would slow the bulk imports down.

CREATE TABLE agent_data_access (
  agent_id  TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  source    TEXT NOT NULL,
  access    TEXT NOT NULL CHECK (access IN ('read', 'write')),
  PRIMARY KEY (agent_id, position)
) STRICT;

CREATE TABLE agent_credentials (
  agent_id    TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  credential  TEXT NOT NULL,
  PRIMARY KEY (agent_id, position)
) STRICT;

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT NOT NULL,
  field      TEXT NOT NULL,
  before     TEXT,
  after      TEXT,
  via        TEXT NOT NULL
) STRICT;
CREATE INDEX audit_by_entity ON audit_log (entity, entity_id, id);

-- The audit log is evidence: the database itself refuses to rewrite history.
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;
