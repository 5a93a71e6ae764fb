/**
 * The identity graph: principals, memberships, trusts, cloud credentials, data sources, grants
 * and principal risks, each a fact of one import (deleted with it when its source is imported
 * again). Keys are the providers' own stable names (ARNs, member strings, object ids), so the
 * decisions below, keyed the same way, survive every re-import.
 */
export default /* sql */ `
-- JSON texts many facts share (a statement as written, an action list): stored once per import.
-- An organisation's 300,000 grants come from 20,000 statements; inline, their text was 600 MB.
CREATE TABLE iam_texts (
  id         INTEGER PRIMARY KEY,
  import_id  INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  text       TEXT NOT NULL
) STRICT;
CREATE INDEX iam_texts_by_import ON iam_texts (import_id);

CREATE TABLE iam_principals (
  import_id     INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  key           TEXT NOT NULL,
  provider      TEXT NOT NULL,
  kind          TEXT NOT NULL,
  name          TEXT NOT NULL,
  scope         TEXT NOT NULL,
  created_at    TEXT,
  last_used_at  TEXT,
  tags          TEXT NOT NULL,
  attributes    TEXT NOT NULL,
  PRIMARY KEY (import_id, key)
) STRICT;
CREATE INDEX iam_principals_by_key ON iam_principals (key);
CREATE INDEX iam_principals_by_name ON iam_principals (name COLLATE NOCASE);

CREATE TABLE iam_memberships (
  import_id   INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  member_key  TEXT NOT NULL,
  group_key   TEXT NOT NULL
) STRICT;
CREATE INDEX iam_memberships_by_member ON iam_memberships (member_key);
CREATE INDEX iam_memberships_by_import ON iam_memberships (import_id);

CREATE TABLE iam_trusts (
  import_id        INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  principal_key    TEXT NOT NULL,
  trusted_key      TEXT NOT NULL,
  trusted_kind     TEXT NOT NULL,
  open_to_anyone   INTEGER NOT NULL,
  foreign_account  INTEGER NOT NULL,
  conditional      INTEGER NOT NULL,
  via              TEXT NOT NULL
) STRICT;
CREATE INDEX iam_trusts_by_trusted ON iam_trusts (trusted_key);
CREATE INDEX iam_trusts_by_principal ON iam_trusts (principal_key);
CREATE INDEX iam_trusts_by_import ON iam_trusts (import_id);

-- Who may call sts:AssumeRole on which role patterns: joined with roles trusting the account's
-- root when the graph is walked (stored as pairs, an organisation's would run to a million).
CREATE TABLE iam_assume_grants (
  import_id      INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  principal_key  TEXT NOT NULL,
  resource       TEXT NOT NULL,
  conditional    INTEGER NOT NULL,
  via            TEXT NOT NULL
) STRICT;
CREATE INDEX iam_assume_grants_by_import ON iam_assume_grants (import_id);

CREATE TABLE cloud_credentials (
  import_id        INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  key              TEXT NOT NULL,
  principal_key    TEXT NOT NULL,
  kind             TEXT NOT NULL,
  name             TEXT NOT NULL,
  active           INTEGER NOT NULL,
  created_at       TEXT,
  last_rotated_at  TEXT,
  last_used_at     TEXT,
  attributes       TEXT NOT NULL,
  PRIMARY KEY (import_id, key)
) STRICT;
CREATE INDEX cloud_credentials_by_principal ON cloud_credentials (principal_key);

CREATE TABLE data_sources (
  import_id  INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  key        TEXT NOT NULL,
  provider   TEXT NOT NULL,
  service    TEXT NOT NULL,
  kind       TEXT NOT NULL,
  name       TEXT NOT NULL,
  scope      TEXT NOT NULL,
  wildcard   INTEGER NOT NULL,
  tags       TEXT NOT NULL,
  PRIMARY KEY (import_id, key)
) STRICT;
CREATE INDEX data_sources_by_key ON data_sources (key);

CREATE TABLE iam_grants (
  import_id        INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  principal_key    TEXT NOT NULL,
  data_source_key  TEXT NOT NULL,
  access           TEXT NOT NULL,
  actions_id       INTEGER NOT NULL REFERENCES iam_texts (id),
  risk_classes     TEXT NOT NULL,
  conditional      INTEGER NOT NULL,
  via_id           INTEGER NOT NULL REFERENCES iam_texts (id)
) STRICT;
CREATE INDEX iam_grants_by_principal ON iam_grants (principal_key);
CREATE INDEX iam_grants_by_data_source ON iam_grants (data_source_key);
-- No index on import_id here nor on the risks: a re-import's cascade scans these tables once,
-- while the index cost every one of an organisation's 300,000 grant inserts (40% of the write).

CREATE TABLE iam_principal_risks (
  import_id      INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  principal_key  TEXT NOT NULL,
  risk_class     TEXT NOT NULL,
  detail         TEXT NOT NULL,
  conditional    INTEGER NOT NULL,
  via_id         INTEGER NOT NULL REFERENCES iam_texts (id)
) STRICT;
CREATE INDEX iam_principal_risks_by_principal ON iam_principal_risks (principal_key);

-- Decisions: what a person said. Never touched by an import.
CREATE TABLE data_source_decisions (
  data_source_key  TEXT PRIMARY KEY,
  environment      TEXT,
  sensitivity      TEXT,
  decided_by       TEXT NOT NULL,
  decided_at       TEXT NOT NULL
) STRICT;

CREATE TABLE credential_link_decisions (
  agent_id       TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  principal_key  TEXT NOT NULL,
  decision       TEXT NOT NULL CHECK (decision IN ('linked', 'unlinked')),
  reason         TEXT NOT NULL,
  decided_by     TEXT NOT NULL,
  decided_at     TEXT NOT NULL,
  PRIMARY KEY (agent_id, principal_key)
) STRICT;
`;
