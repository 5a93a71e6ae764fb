/**
 * What each agent can reach, summarised, kept between runs: working it out for 2,000 agents in a
 * 5,000-role organisation takes tens of seconds, so the import that changes the identity graph
 * does it once (with progress, cancellable) and every later read (the app after a restart, the
 * CLI, the report) takes it from here. A cache, never a second truth: `computed_for` is a hash of
 * everything the summary was computed from (the identity graph's version, the classification
 * rules, the agent's name and links, the summary's format); a row whose hash no longer matches is
 * ignored and computed again.
 */
export default /* sql */ `
CREATE TABLE blast_radius_summaries (
  agent_id     TEXT PRIMARY KEY REFERENCES agents (id) ON DELETE CASCADE,
  computed_for TEXT NOT NULL,
  summary      TEXT NOT NULL CHECK (json_valid(summary))
) STRICT;
`;
