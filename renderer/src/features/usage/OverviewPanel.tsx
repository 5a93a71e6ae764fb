import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Spinner } from '../../ui/Spinner';
import { ActivityCounts } from './ActivityCounts';
import { BilledVsRecorded } from './BilledVsRecorded';
import { HeadlineFigures } from './HeadlineFigures';
import { NoUsageYet } from './NoUsageYet';
import { SpendBreakdown } from './SpendBreakdown';
import { UsageNotes } from './UsageNotes';
import { UsagePeriodBar } from './UsagePeriodBar';

/** The period's figures, activity, notes and bills, then spend over time and the top spenders. */
export function OverviewPanel() {
  const overview = useAppStore((s) => s.usageOverview);
  const period = useAppStore((s) => s.usagePeriod);
  const loadOverview = useAppStore((s) => s.loadUsageOverview);
  const data = overview.data;

  if (!data) {
    if (overview.error) return <LoadError error={overview.error} onRetry={() => void loadOverview()} />;
    return (
      <p className="usage-loading" role="status">
        <Spinner /> Reading the usage…
      </p>
    );
  }
  // Nothing imported at all (not merely nothing in a narrowed period).
  if (data.period === null && period.from === null && period.to === null) return <NoUsageYet />;

  return (
    <div className="usage-overview" aria-busy={overview.loading || undefined}>
      <UsagePeriodBar importedFrom={data.period?.from ?? null} importedTo={data.period?.to ?? null} />
      {overview.error && <LoadError error={overview.error} onRetry={() => void loadOverview()} />}
      <UsageNotes notes={data.notes} />
      <HeadlineFigures overview={data} />
      <div className="usage-overview__row">
        <ActivityCounts activity={data.activity} />
        <BilledVsRecorded overview={data} />
      </div>
      <SpendBreakdown unpricedTokens={data.total.unpricedTokens} />
    </div>
  );
}

function LoadError({ error, onRetry }: { error: string; onRetry: () => void }) {
  return (
    <ErrorBanner title="Could not read the usage">
      {error}{' '}
      <Button size="sm" onClick={onRetry}>
        Try again
      </Button>
    </ErrorBanner>
  );
}
