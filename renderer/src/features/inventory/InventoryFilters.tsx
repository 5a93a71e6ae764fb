import { AGENT_STATUSES, TRIGGER_KINDS, type TriggerKind } from '../../../../shared/agent';
import type { AgentFlag } from '../../../../shared/registry';
import { ACTIVITY_STATES, type ActivityState } from '../../../../shared/usage';
import { ACTIVITY_LABELS } from '../../domain/agent-activity';
import { FLAG_SHORT_LABELS, STATUS_LABELS, TRIGGER_LABELS } from '../../domain/agent-labels';
import { DEFAULT_AGENT_FILTERS } from '../../store/agents-slice';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { CheckboxChips, Select, TextField, type SelectOption } from '../../ui/fields';

const STATUS_OPTIONS = AGENT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
const TRIGGER_OPTIONS: SelectOption<TriggerKind | ''>[] = [{ value: '', label: 'Any trigger' }, ...TRIGGER_KINDS.map((value) => ({ value, label: TRIGGER_LABELS[value] }))];
const FLAG_OPTIONS = (Object.keys(FLAG_SHORT_LABELS) as AgentFlag[]).map((value) => ({ value, label: FLAG_SHORT_LABELS[value] }));
const ACTIVITY_OPTIONS: SelectOption<ActivityState | ''>[] = [{ value: '', label: 'Any activity' }, ...ACTIVITY_STATES.map((value) => ({ value, label: ACTIVITY_LABELS[value] }))];
const ANY_OWNER = '';
const NO_OWNER = 'none';

export function InventoryFilters() {
  const filters = useAppStore((s) => s.agentFilters);
  const owners = useAppStore((s) => s.agentList?.owners);
  const setFilters = useAppStore((s) => s.setAgentFilters);
  const setSearchText = useAppStore((s) => s.setAgentSearchText);
  const setActivity = useAppStore((s) => s.setAgentActivityFilter);
  const clearFilters = useAppStore((s) => s.clearAgentFilters);

  const ownerOptions: SelectOption<string>[] = [
    { value: ANY_OWNER, label: 'Any owner' },
    { value: NO_OWNER, label: 'No owner' },
    ...(owners ?? []).map((owner) => ({ value: owner, label: owner })),
  ];
  const filtering =
    filters.text !== DEFAULT_AGENT_FILTERS.text || filters.statuses.length > 0 || filters.triggers.length > 0 || filters.owner !== null || filters.flags.length > 0 || filters.activity !== null;

  return (
    <div className="inventory-filters" role="search" aria-label="Filter agents">
      <TextField
        className="inventory-filters__search"
        type="search"
        label="Search agents"
        hideLabel
        placeholder="Search agents"
        value={filters.text}
        onChange={setSearchText}
        spellCheck={false}
      />
      <CheckboxChips legend="Status" options={STATUS_OPTIONS} selected={filters.statuses} onChange={(statuses) => setFilters({ statuses })} />
      <Select
        label="Trigger"
        hideLabel
        value={filters.triggers[0] ?? ''}
        options={TRIGGER_OPTIONS}
        onChange={(trigger) => setFilters({ triggers: trigger === '' ? [] : [trigger] })}
      />
      <Select
        label="Owner"
        hideLabel
        className="inventory-filters__owner"
        value={filters.owner ?? ANY_OWNER}
        options={ownerOptions}
        onChange={(owner) => setFilters({ owner: owner === ANY_OWNER ? null : owner })}
      />
      <Select
        label="Activity"
        hideLabel
        value={filters.activity ?? ''}
        options={ACTIVITY_OPTIONS}
        onChange={(activity) => setActivity(activity === '' ? null : activity)}
        title="Activity in the imported LLM usage"
      />
      <CheckboxChips legend="Flags" options={FLAG_OPTIONS} selected={filters.flags} onChange={(flags) => setFilters({ flags })} />
      {filtering && (
        <Button variant="ghost" size="sm" onClick={clearFilters}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
