/**
 * Discovery reports more than agents and LLM calls: MCP servers (tool providers), remote callers
 * (code that only starts an agent deployed elsewhere) and examples (workflows in docs, test
 * copies). SQLite cannot alter a CHECK constraint, so the table is rebuilt with the wider list;
 * rows and the index come back unchanged. Nothing references discovered_agents by key.
 */
export default /* sql */ `
CREATE TABLE discovered_agents_014 (
  identity_key    TEXT PRIMARY KEY,
  source_id       INTEGER NOT NULL REFERENCES scan_sources (id) ON DELETE CASCADE,
  scan_id         INTEGER NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  unit_kind       TEXT NOT NULL,
  unit_path       TEXT NOT NULL,
  classification  TEXT NOT NULL CHECK (classification IN ('agent', 'llm-call', 'mcp-server', 'remote-caller', 'example')),
  confidence      REAL NOT NULL,
  detail          TEXT NOT NULL
) STRICT;
INSERT INTO discovered_agents_014 SELECT identity_key, source_id, scan_id, name, unit_kind, unit_path, classification, confidence, detail FROM discovered_agents;
DROP TABLE discovered_agents;
ALTER TABLE discovered_agents_014 RENAME TO discovered_agents;
CREATE INDEX discovered_agents_by_source ON discovered_agents (source_id);
`;
