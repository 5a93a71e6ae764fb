/**
 * The hardening plan: its day 0 (one row, a person's decision) and one task per agent and
 * checklist item that did not pass when the plan read it. Tasks are kept once created: when the
 * item passes the task is done (done_at), so progress only moves back when an item fails again.
 * owner and due_date are a person's choice; NULL means the default (the agent's owner, the end
 * of the item's phase), derived when read so moving day 0 moves every default due date.
 */
export default /* sql */ `
CREATE TABLE plan_start (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  start_date  TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  set_by      TEXT NOT NULL,
  set_at      TEXT NOT NULL
) STRICT;

CREATE TABLE plan_tasks (
  agent_id    TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  item_key    TEXT NOT NULL,
  owner       TEXT,
  due_date    TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  created_at  TEXT NOT NULL,
  done_at     TEXT,
  PRIMARY KEY (agent_id, item_key)
) STRICT;
`;
