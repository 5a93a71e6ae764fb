/**
 * A registry row may say an agent sends, publishes, deletes or exports data: access that is
 * neither read nor write. It is kept as "other: <word>" instead of being refused or guessed.
 * SQLite cannot change a CHECK constraint in place, so the table is rebuilt with its rows.
 */
export default /* sql */ `
CREATE TABLE agent_data_access_next (
  agent_id  TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  source    TEXT NOT NULL,
  access    TEXT NOT NULL CHECK (access IN ('read', 'write') OR (access GLOB 'other: ?*' AND length(access) <= 87)),
  PRIMARY KEY (agent_id, position)
) STRICT;
INSERT INTO agent_data_access_next (agent_id, position, source, access)
  SELECT agent_id, position, source, access FROM agent_data_access;
DROP TABLE agent_data_access;
ALTER TABLE agent_data_access_next RENAME TO agent_data_access;
`;
