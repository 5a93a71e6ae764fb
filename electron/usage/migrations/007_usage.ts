/**
 * LLM usage and cost. Usage rows and provider bills are facts of one import (deleted with it).
 * A row's identity (`dedupe`, a 53-bit hash of provider, period and grouping fields, or of the
 * call's own id) is kept once across imports: an import whose period overlaps an earlier one's
 * (usage_import_spans) deletes the earlier copies of its rows, so the same usage imported twice,
 * or in two overlapping files, counts once. No unique index: it cost every one of a million
 * inserts, where the overlap check costs one pass only when periods really overlap.
 * `agent_id`, `attribution`, `cost_usd` and `cost_basis` are derived (from tags, key mappings,
 * prices and bills) and recomputed by the engine whenever one of those changes.
 * Key and tag mappings, prices, budgets and productive units are decisions: never touched by imports.
 */
export default /* sql */ `
CREATE TABLE usage_rows (
  id                  INTEGER PRIMARY KEY,
  import_id           INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  dedupe              INTEGER NOT NULL,
  provider            TEXT NOT NULL,
  layer               TEXT NOT NULL CHECK (layer IN ('provider', 'gateway', 'telemetry')),
  -- UTC days since 1970-01-01 of start_ms: what every series groups by.
  day                 INTEGER NOT NULL,
  start_ms            INTEGER NOT NULL,
  end_ms              INTEGER NOT NULL,
  key_id              TEXT,
  project_id          TEXT,
  model               TEXT,
  requests            INTEGER NOT NULL,
  input_tokens        INTEGER NOT NULL,
  cached_input_tokens INTEGER NOT NULL,
  cache_write_tokens  INTEGER NOT NULL,
  -- Of cache_write_tokens, Anthropic's 1-hour cache writes (priced above the 5-minute ones).
  cache_write_1h_tokens INTEGER NOT NULL,
  output_tokens       INTEGER NOT NULL,
  reported_cost       REAL,
  agent_tag           TEXT,
  feature_tag         TEXT,
  user_tag            TEXT,
  session_tag         TEXT,
  service_tag         TEXT,
  grouping            TEXT NOT NULL,
  agent_id            TEXT,
  attribution         TEXT NOT NULL DEFAULT 'unattributed',
  cost_usd            REAL,
  cost_basis          TEXT NOT NULL DEFAULT 'unknown'
) STRICT;
-- Series and totals by agent read this instead of the table: agent, day and the summed columns.
CREATE INDEX usage_rows_by_agent_day ON usage_rows (agent_id, attribution, day, cost_usd, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, requests);
-- Provider buckets by period: a newer export supersedes the older's overlapping buckets, and a bill
-- is spread over its day's buckets. Calls (gateway, telemetry) are never looked up by period.
CREATE INDEX usage_rows_buckets ON usage_rows (provider, start_ms) WHERE layer = 'provider';

-- The period each import's rows cover, per layer and provider: whether a new import overlaps any.
CREATE TABLE usage_import_spans (
  import_id  INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  layer      TEXT NOT NULL,
  provider   TEXT NOT NULL,
  first_ms   INTEGER NOT NULL,
  last_ms    INTEGER NOT NULL,
  PRIMARY KEY (import_id, layer, provider)
) STRICT;

CREATE TABLE usage_costs (
  id          INTEGER PRIMARY KEY,
  import_id   INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  dedupe      INTEGER NOT NULL UNIQUE,
  provider    TEXT NOT NULL,
  day         INTEGER NOT NULL,
  start_ms    INTEGER NOT NULL,
  end_ms      INTEGER NOT NULL,
  amount      REAL NOT NULL,
  currency    TEXT NOT NULL,
  project_id  TEXT,
  model       TEXT,
  line_item   TEXT
) STRICT;

-- A person says whose a key is: an agent's, or the application layer's (application = 1).
CREATE TABLE usage_key_mappings (
  provider     TEXT NOT NULL,
  key_id       TEXT NOT NULL,
  agent_id     TEXT REFERENCES agents (id) ON DELETE CASCADE,
  application  INTEGER NOT NULL CHECK (application IN (0, 1)),
  decided_by   TEXT NOT NULL,
  decided_at   TEXT NOT NULL,
  PRIMARY KEY (provider, key_id),
  CHECK ((agent_id IS NULL) <> (application = 0))
) STRICT;

-- A person says which agent an agent tag names when it is not the agent's id or name.
CREATE TABLE usage_tag_mappings (
  tag         TEXT PRIMARY KEY,
  agent_id    TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  decided_by  TEXT NOT NULL,
  decided_at  TEXT NOT NULL
) STRICT;

-- Prices a person entered or changed; the bundled table (resources/usage/model-prices.json) applies otherwise.
CREATE TABLE model_prices (
  model                  TEXT PRIMARY KEY,
  input_per_mtok         REAL NOT NULL,
  cached_input_per_mtok  REAL NOT NULL,
  cache_write_per_mtok   REAL NOT NULL,
  cache_write_1h_per_mtok REAL NOT NULL,
  output_per_mtok        REAL NOT NULL,
  taken_on               TEXT NOT NULL,
  source                 TEXT NOT NULL,
  set_by                 TEXT NOT NULL,
  set_at                 TEXT NOT NULL
) STRICT;

CREATE TABLE agent_budgets (
  agent_id          TEXT PRIMARY KEY REFERENCES agents (id) ON DELETE CASCADE,
  daily_token_cap   INTEGER,
  daily_cost_cap    REAL,
  set_by            TEXT NOT NULL,
  set_at            TEXT NOT NULL
) STRICT;

CREATE TABLE productive_units (
  id          INTEGER PRIMARY KEY,
  agent_id    TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  unit        TEXT NOT NULL,
  from_day    TEXT NOT NULL,
  to_day      TEXT NOT NULL,
  count       INTEGER NOT NULL,
  entered_by  TEXT NOT NULL,
  entered_at  TEXT NOT NULL
) STRICT;
-- One count per agent, unit and period: entering or importing it again updates it.
CREATE UNIQUE INDEX productive_units_by_agent ON productive_units (agent_id, unit, from_day, to_day);
`;
