/**
 * Reviews: each time a person marks an agent reviewed, a snapshot of the facts a review looks at
 * (credentials, data access, capabilities, endpoints, models, spend...). Every review is kept as
 * history; the latest is the baseline the agent page's drift is measured against. The agent's
 * "last reviewed" registry field is set in the same write, so it stays the one date people edit.
 */
export default /* sql */ `
CREATE TABLE agent_reviews (
  id          INTEGER PRIMARY KEY,
  agent_id    TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  reviewed_at TEXT NOT NULL,
  reviewed_by TEXT NOT NULL,
  note        TEXT NOT NULL,
  snapshot    TEXT NOT NULL CHECK (json_valid(snapshot))
) STRICT;

CREATE INDEX agent_reviews_by_agent ON agent_reviews (agent_id, id);
`;
