import { useAppStore } from '../../store/store-context';
import { periodIsValid } from '../../store/usage-slice';
import { Button } from '../../ui/Button';
import { DateField } from '../../ui/fields';

/**
 * The period every figure on the Overview and Budgets tabs is read for. Empty ends mean the whole
 * imported period, whose days are shown as placeholders so the person sees what "all" covers.
 */
export function UsagePeriodBar({ importedFrom, importedTo }: { importedFrom: string | null; importedTo: string | null }) {
  const period = useAppStore((s) => s.usagePeriod);
  const setPeriod = useAppStore((s) => s.setUsagePeriod);
  const valid = periodIsValid(period);
  const narrowed = period.from !== null || period.to !== null;
  return (
    <div className="usage-period" role="group" aria-label="Period">
      <DateField label="From" className="usage-period__field" value={period.from ?? importedFrom} onChange={(from) => setPeriod({ from })} error={valid ? null : 'Starts after it ends'} />
      <DateField label="To" className="usage-period__field" value={period.to ?? importedTo} onChange={(to) => setPeriod({ to })} />
      {narrowed ? (
        <Button size="sm" onClick={() => setPeriod({ from: null, to: null })}>
          Whole imported period
        </Button>
      ) : (
        <span className="muted usage-period__hint">The whole imported period</span>
      )}
    </div>
  );
}
