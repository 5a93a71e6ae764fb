import { useMemo, useState, type KeyboardEvent } from 'react';
import { CHECKLIST_PHASE_LABELS, CHECKLIST_PHASES, type ChecklistPhase } from '../../../../shared/checklist';
import type { PlanTask } from '../../../../shared/plan';
import { isCalendarDate } from '../../../../shared/plan';
import { hrefOf } from '../../app/routes';
import { planTaskKey } from '../../store/plan-slice';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Select, type SelectOption } from '../../ui/fields';
import { formatDateTime } from '../../ui/format-date';
import { ATTESTATION_LABELS, VERDICT_LABELS, VERDICT_TONES } from '../triage/triage-labels';
import { ANY_FILTER, filterChoices, filterTasks, type PlanFilter } from './plan-view';

/** Rows drawn per phase before "Show all": a large estate has thousands of tasks. */
const FIRST_ROWS = 100;

const STATUS_OPTIONS: readonly SelectOption<PlanFilter['status']>[] = [
  { value: 'any', label: 'Any status' },
  { value: 'open', label: 'Open' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'done', label: 'Done' },
];

/** Every task, grouped by phase, with owner and due date editable in place and overdue ones in red. */
export function PlanTasks({ tasks }: { tasks: readonly PlanTask[] }) {
  const [filter, setFilter] = useState<PlanFilter>(ANY_FILTER);
  const choices = useMemo(() => filterChoices(tasks), [tasks]);
  const shown = useMemo(() => filterTasks(tasks, filter), [tasks, filter]);
  const ownerOptions: SelectOption<string>[] = [
    { value: 'any', label: 'Any owner' },
    ...(choices.hasNoOwner ? [{ value: 'none', label: 'No owner' }] : []),
    ...choices.owners.map((o) => ({ value: o, label: o })),
  ];
  const agentOptions: SelectOption<string>[] = [{ value: 'any', label: 'Any agent' }, ...choices.agents.map((a) => ({ value: a.id, label: a.name }))];
  const filtered = filter.owner !== 'any' || filter.status !== 'any' || filter.agentId !== 'any';

  return (
    <section className="plan-tasks" aria-label="Tasks">
      <div className="plan-tasks__filters">
        <Select label="Owner" value={filter.owner} options={ownerOptions} onChange={(owner) => setFilter({ ...filter, owner })} />
        <Select label="Status" value={filter.status} options={STATUS_OPTIONS} onChange={(status) => setFilter({ ...filter, status })} />
        <Select label="Agent" value={filter.agentId} options={agentOptions} onChange={(agentId) => setFilter({ ...filter, agentId })} />
        <p className="muted plan-tasks__count" aria-live="polite">
          {filtered ? `${shown.length} of ${tasks.length} tasks` : `${tasks.length} tasks`}
        </p>
        {filtered && (
          <Button variant="ghost" size="sm" onClick={() => setFilter(ANY_FILTER)}>
            Clear filters
          </Button>
        )}
      </div>
      {shown.length === 0 && <p className="muted">No task matches these filters.</p>}
      {CHECKLIST_PHASES.map((phase) => (
        <PhaseTasks key={phase} phase={phase} tasks={shown.filter((t) => t.phase === phase)} />
      ))}
    </section>
  );
}

function PhaseTasks({ phase, tasks }: { phase: ChecklistPhase; tasks: readonly PlanTask[] }) {
  const [all, setAll] = useState(false);
  if (tasks.length === 0) return null;
  const rows = all ? tasks : tasks.slice(0, FIRST_ROWS);
  const label = CHECKLIST_PHASE_LABELS[phase];
  return (
    <section className="plan-tasks__phase" aria-label={`${label} tasks`}>
      <h3 className="plan-tasks__phase-title">
        {label} <span className="muted">({tasks.length})</span>
      </h3>
      <table className="plan-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className="plan-table__agent">
              Agent
            </th>
            <th scope="col">Item</th>
            <th scope="col" className="plan-table__verdict">
              Verdict
            </th>
            <th scope="col" className="plan-table__owner">
              Owner
            </th>
            <th scope="col" className="plan-table__due">
              Due
            </th>
            <th scope="col" className="plan-table__status">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <TaskRow key={planTaskKey(t)} task={t} />
          ))}
        </tbody>
      </table>
      {rows.length < tasks.length && (
        <Button variant="ghost" size="sm" onClick={() => setAll(true)}>
          Show all {tasks.length} tasks of this phase
        </Button>
      )}
    </section>
  );
}

function TaskRow({ task }: { task: PlanTask }) {
  const error = useAppStore((s) => (s.planSaveError?.for === planTaskKey(task) ? s.planSaveError.message : null));
  const name = `${task.title} for ${task.agentName}`;
  return (
    <tr className={task.overdue ? 'plan-table__row plan-table__row--overdue' : task.status === 'done' ? 'plan-table__row plan-table__row--done' : 'plan-table__row'} aria-label={name}>
      <td className="plan-table__agent">
        <a href={hrefOf({ page: 'triage', agentId: task.agentId })} className="plan-table__link" title={`Open the checklist of ${task.agentName}`}>
          {task.agentName}
        </a>
      </td>
      <td>
        <span className="plan-table__item">{task.title}</span>
        {error && (
          <span role="alert" className="plan-table__error">
            {error}
          </span>
        )}
      </td>
      <td className="plan-table__verdict">
        <Badge tone={VERDICT_TONES[task.verdict]}>{VERDICT_LABELS[task.verdict]}</Badge>
        {task.attestation && (
          <span className="plan-table__attested muted" title={`Attested ${ATTESTATION_LABELS[task.attestation]}`}>
            attested
          </span>
        )}
      </td>
      <td className="plan-table__owner">
        {/* Keyed on the stored value: a save elsewhere (or a reload) resets the draft. */}
        <OwnerInput key={`${task.owner ?? ''}|${task.ownerIsDefault}`} task={task} name={name} />
      </td>
      <td className="plan-table__due">
        <DueInput key={task.dueDate} task={task} name={name} />
      </td>
      <td className="plan-table__status">
        {task.status === 'done' ? (
          <Badge tone="success" title={task.doneAt ? `Done ${formatDateTime(task.doneAt)}` : undefined}>
            Done
          </Badge>
        ) : task.overdue ? (
          <Badge tone="danger">Overdue</Badge>
        ) : (
          <Badge tone="neutral">Open</Badge>
        )}
      </td>
    </tr>
  );
}

const commitOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
  if (e.key === 'Enter') e.currentTarget.blur();
};

/** Saved when the field is left (or Enter): a name typed letter by letter is one change, not twenty. Empty goes back to the agent's owner. */
function OwnerInput({ task, name }: { task: PlanTask; name: string }) {
  const update = useAppStore((s) => s.updatePlanTask);
  const saving = useAppStore((s) => s.planSaving === planTaskKey(task));
  const [draft, setDraft] = useState(task.owner ?? '');
  const save = () => {
    const next = draft.trim();
    if (next === (task.owner ?? '')) return;
    void update({ agentId: task.agentId, itemKey: task.itemKey, owner: next === '' ? null : next });
  };
  return (
    <input
      className={task.ownerIsDefault ? 'control plan-table__input plan-table__input--default' : 'control plan-table__input'}
      aria-label={`Owner of ${name}`}
      title={task.ownerIsDefault ? 'The agent’s owner (the default); type another name to assign it' : 'Clear to go back to the agent’s owner'}
      placeholder="No owner"
      value={draft}
      maxLength={200}
      disabled={saving}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={commitOnEnter}
    />
  );
}

/** Saved when the field is left (or Enter), once it holds a whole date; cleared, it goes back to the end of the phase. */
function DueInput({ task, name }: { task: PlanTask; name: string }) {
  const update = useAppStore((s) => s.updatePlanTask);
  const saving = useAppStore((s) => s.planSaving === planTaskKey(task));
  const [draft, setDraft] = useState(task.dueDate);
  const save = () => {
    if (draft === task.dueDate) return;
    if (draft === '') void update({ agentId: task.agentId, itemKey: task.itemKey, dueDate: null });
    else if (isCalendarDate(draft)) void update({ agentId: task.agentId, itemKey: task.itemKey, dueDate: draft });
  };
  return (
    <input
      type="date"
      className={['control', 'control--date', 'plan-table__input', task.dueIsDefault ? 'plan-table__input--default' : '', task.overdue ? 'plan-table__input--overdue' : ''].filter(Boolean).join(' ')}
      aria-label={`Due date of ${name}`}
      title={task.dueIsDefault ? 'The end of its phase (the default); pick another date to set it' : 'Clear to go back to the end of its phase'}
      value={draft}
      disabled={saving}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={commitOnEnter}
    />
  );
}
