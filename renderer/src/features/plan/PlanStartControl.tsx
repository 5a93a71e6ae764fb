import { useState } from 'react';
import type { WorkspacePlan } from '../../../../shared/plan';
import { isCalendarDate } from '../../../../shared/plan';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { DateField } from '../../ui/fields';

/** Day 0: starting the plan (today or a chosen date), or moving day 0 once started; either is audited. */
export function PlanStartControl({ plan, onDone }: { plan: WorkspacePlan; onDone?: () => void }) {
  const startPlan = useAppStore((s) => s.startPlan);
  const saving = useAppStore((s) => s.planSaving === 'start');
  const error = useAppStore((s) => (s.planSaveError?.for === 'start' ? s.planSaveError.message : null));
  const [date, setDate] = useState<string | null>(plan.startDate ?? plan.today);
  const valid = date !== null && isCalendarDate(date);
  const unchanged = date === plan.startDate;
  const submit = async () => {
    if (valid && !unchanged && (await startPlan(date))) onDone?.();
  };
  return (
    <form
      className="plan-start"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <DateField label="Day 0" value={date} onChange={setDate} error={error ?? (date !== null && !valid ? 'A date as YYYY-MM-DD' : null)} className="plan-start__date" />
      <Button type="submit" variant="primary" disabled={!valid || unchanged || saving}>
        {saving ? 'Saving…' : plan.startDate === null ? (date === plan.today ? 'Start the plan today' : 'Start the plan') : 'Move day 0'}
      </Button>
      {onDone && (
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      )}
    </form>
  );
}
