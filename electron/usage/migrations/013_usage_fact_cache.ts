/**
 * Usage facts every agent's dossier reads (per-day spend, totals, keys and models per agent, and
 * the usage keys), kept between runs: grouping 200,000 calls three ways takes about a second, which
 * a new process (the app after a restart, every CLI command) paid before its first triage overview.
 * A cache, never a second truth: `computed_for` names the usage version (imports, attribution
 * inputs, decisions, key mappings, prices, and the registry where names are shown) it was computed
 * from; a row whose version no longer matches is ignored and computed again.
 */
export default /* sql */ `
CREATE TABLE usage_fact_cache (
  name         TEXT PRIMARY KEY,
  computed_for TEXT NOT NULL,
  value        TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
`;
