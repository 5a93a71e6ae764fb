/**
 * Provenance of every imported file. A source (the same format describing the same account,
 * project, tenant or cluster) has one import: importing it again deletes the old row, and with it
 * (ON DELETE CASCADE) every fact it brought, in the same transaction; the audit log keeps the
 * history of what replaced what.
 */
export default /* sql */ `
CREATE TABLE imports (
  id             INTEGER PRIMARY KEY,
  source_key     TEXT NOT NULL,
  file_name      TEXT NOT NULL,
  sha256         TEXT NOT NULL,
  format         TEXT NOT NULL,
  provider       TEXT,
  scope          TEXT NOT NULL,
  imported_at    TEXT NOT NULL,
  actor          TEXT NOT NULL,
  via            TEXT NOT NULL,
  -- Per kind, what a person checks against the console (JSON object of counts).
  counts         TEXT NOT NULL,
  -- What was read but not understood (JSON list of {position, message}).
  warnings       TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX imports_by_source ON imports (source_key);
`;
