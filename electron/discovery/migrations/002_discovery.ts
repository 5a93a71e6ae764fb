/**
 * Repository discovery. Facts (what the last scan of a folder found) are replaced wholesale on
 * every scan of that folder, in one transaction; decisions (confirm, dismiss, merge) are keyed by
 * the candidate's stable identity key and never touched by a scan, so they survive re-scans.
 */
export default /* sql */ `
CREATE TABLE scan_sources (
  id            INTEGER PRIMARY KEY,
  root          TEXT NOT NULL UNIQUE,
  -- The folder's name (plus a hash of its path when another scanned folder has that name): the
  -- start of every identity key of its candidates.
  label         TEXT NOT NULL,
  last_scan_id  INTEGER
) STRICT;

CREATE TABLE scans (
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER NOT NULL REFERENCES scan_sources (id) ON DELETE CASCADE,
  started_at   TEXT NOT NULL,
  finished_at  TEXT NOT NULL,
  actor        TEXT NOT NULL,
  counters     TEXT NOT NULL,
  warnings     TEXT NOT NULL,
  -- What changed since the previous scan of the same folder (JSON).
  changes      TEXT NOT NULL
) STRICT;

CREATE TABLE discovered_agents (
  identity_key    TEXT PRIMARY KEY,
  source_id       INTEGER NOT NULL REFERENCES scan_sources (id) ON DELETE CASCADE,
  scan_id         INTEGER NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  unit_kind       TEXT NOT NULL,
  unit_path       TEXT NOT NULL,
  classification  TEXT NOT NULL CHECK (classification IN ('agent', 'llm-call')),
  confidence      REAL NOT NULL,
  -- The whole DiscoveredAgent (trigger, LLM use, tools, capabilities, credentials, endpoints,
  -- guardrails, packages, each with evidence): read back whole, never queried inside.
  detail          TEXT NOT NULL
) STRICT;
CREATE INDEX discovered_agents_by_source ON discovered_agents (source_id);

CREATE TABLE discovery_decisions (
  identity_key  TEXT PRIMARY KEY,
  decision      TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed', 'merged')),
  agent_id      TEXT REFERENCES agents (id) ON DELETE SET NULL,
  reason        TEXT NOT NULL DEFAULT '',
  decided_by    TEXT NOT NULL,
  decided_at    TEXT NOT NULL
) STRICT;

CREATE TABLE rule_settings (
  rule_id     TEXT PRIMARY KEY,
  enabled     INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  changed_by  TEXT NOT NULL,
  changed_at  TEXT NOT NULL
) STRICT;

-- Advisories a person imported (OSV); the curated set ships with the app and is not copied here.
CREATE TABLE advisories (
  id           TEXT PRIMARY KEY,
  modified     TEXT NOT NULL,
  record       TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  source_file  TEXT NOT NULL
) STRICT;
`;
