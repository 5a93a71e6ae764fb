import { useEffect, useState } from 'react';
import type { WorkspacePlan } from '../../../../shared/plan';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatDate } from '../../ui/format-date';
import { Spinner } from '../../ui/Spinner';
import { BurnUpChart } from './BurnUpChart';
import { PhaseProgress } from './PhaseProgress';
import { dayOfPlanText } from './plan-view';
import { PlanStartControl } from './PlanStartControl';
import { PlanTasks } from './PlanTasks';
import './plan.css';

/**
 * The 30/60/90-day hardening plan: a task for every checklist item an agent does not pass, with
 * an owner and a due date counted from day 0, progress per phase and the burn-up. The engine
 * brings the tasks up to date with the checklists each time the page reads the plan.
 */
export function PlanPage() {
  const { data, error } = useAppStore((s) => s.plan);
  const loadPlan = useAppStore((s) => s.loadPlan);
  const workspacePath = useAppStore((s) => s.workspace?.path);
  const importsDone = useAppStore((s) => s.fileImportRecords);

  // Read again when the workspace changes or an import lands: either can move every task.
  useEffect(() => {
    if (workspacePath) void loadPlan();
  }, [workspacePath, importsDone, loadPlan]);

  return (
    <div className="page plan">
      <header className="page__header">
        <h1>Plan</h1>
        <p className="page__subtitle">The 30/60/90-day hardening plan: one task per agent and checklist item that does not pass yet, with an owner and a due date.</p>
      </header>
      <PlanBody plan={data} error={error} reload={() => void loadPlan()} />
    </div>
  );
}

function PlanBody({ plan, error, reload }: { plan: WorkspacePlan | null; error: string | null; reload: () => void }) {
  if (error && !plan) {
    return (
      <>
        <ErrorBanner title="Could not read the plan">{error}</ErrorBanner>
        <div>
          <Button onClick={reload}>Try again</Button>
        </div>
      </>
    );
  }
  if (!plan) {
    return (
      <p className="muted plan__loading">
        <Spinner /> Reading the plan…
      </p>
    );
  }
  if (plan.agentCount === 0 && plan.tasks.length === 0) {
    return (
      <EmptyState title="No agents to plan for yet">
        <p>Add agents in the Inventory, import a registry or confirm discovered candidates; the plan then holds a task for every checklist item they do not pass.</p>
      </EmptyState>
    );
  }
  return (
    <>
      {error && <ErrorBanner title="Could not refresh the plan">{error}</ErrorBanner>}
      {plan.startDate === null ? <NotStarted plan={plan} /> : <StartedPlan plan={plan} startDate={plan.startDate} />}
    </>
  );
}

function NotStarted({ plan }: { plan: WorkspacePlan }) {
  const pending = plan.phases.reduce((n, p) => n + p.total, 0);
  return (
    <EmptyState title="The plan has not started" actions={<PlanStartControl plan={plan} />}>
      <p>
        Day 0 is when the 30/60/90 days start counting. Starting creates {pending} tasks for {plan.agentCount === 1 ? '1 agent' : `${plan.agentCount} agents`}, one for every checklist item they do not pass yet: Step 0 is due on day 7, the 48-hour checklist on day 2, the rest
        of each phase on days 30, 60 and 90. Each task is owned by the agent’s owner until someone assigns it.
      </p>
    </EmptyState>
  );
}

function StartedPlan({ plan, startDate }: { plan: WorkspacePlan; startDate: string }) {
  const [moving, setMoving] = useState(false);
  const total = plan.tasks.length;
  const done = plan.tasks.filter((t) => t.status === 'done').length;
  const overdue = plan.tasks.filter((t) => t.overdue).length;
  return (
    <>
      <section className="plan-summary" aria-label="Plan start">
        {moving ? (
          <PlanStartControl plan={plan} onDone={() => setMoving(false)} />
        ) : (
          <>
            <p className="plan-summary__day">
              <strong>{dayOfPlanText(plan)}</strong>
              <span className="muted">
                Day 0: {formatDate(startDate)}
                {plan.startedBy ? `, set by ${plan.startedBy}` : ''}
              </span>
            </p>
            <p className="plan-summary__totals">
              {done} of {total} tasks done{overdue > 0 && <span className="plan-summary__overdue">, {overdue} overdue</span>}
            </p>
            <Button variant="ghost" size="sm" onClick={() => setMoving(true)}>
              Change day 0…
            </Button>
          </>
        )}
      </section>
      <div className="plan-overview">
        <PhaseProgress phases={plan.phases} />
        <BurnUpChart startDate={startDate} today={plan.today} points={plan.burnUp} />
      </div>
      {total === 0 ? (
        <EmptyState title="Nothing to do">
          <p>Every agent passes every checklist item. New tasks appear here when an item fails or a new agent is added.</p>
        </EmptyState>
      ) : (
        <PlanTasks tasks={plan.tasks} />
      )}
    </>
  );
}
