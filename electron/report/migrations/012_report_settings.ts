/**
 * What the executive report's cover says about the engagement: its name, the client and the
 * confidentiality marking. One row, a person's decision (audited); until someone sets it the
 * report derives the names from the workspace itself.
 */
export default /* sql */ `
CREATE TABLE report_settings (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  engagement       TEXT NOT NULL,
  client           TEXT NOT NULL,
  confidentiality  TEXT NOT NULL,
  set_by           TEXT NOT NULL,
  set_at           TEXT NOT NULL
) STRICT;
`;
