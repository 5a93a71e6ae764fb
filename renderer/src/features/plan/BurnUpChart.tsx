import { useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BurnUpPoint } from '../../../../shared/plan';
import { formatDate } from '../../ui/format-date';
import { burnUpRows, type BurnUpRow } from './plan-view';

const AXIS_TICK = { fill: 'var(--chart-axis)', fontSize: 11 };
const SHORT_DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const shortDay = (day: string) => formatDate(day, { calendar: SHORT_DAY, instant: SHORT_DAY });

function BurnUpTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const row = active ? (payload?.[0]?.payload as BurnUpRow | undefined) : undefined;
  if (!row || row.scope === null) return null;
  return (
    <div className="plan-burnup__tooltip">
      <p className="plan-burnup__tooltip-day">{formatDate(row.date)}</p>
      <p>
        {row.done} of {row.scope} tasks done
      </p>
    </div>
  );
}

/**
 * Scope (tasks in the plan) and done, one point per day from day 0, over the plan's 90 days: the
 * gap between the lines is the work left, and the days after today stay empty.
 */
export function BurnUpChart({ startDate, today, points }: { startDate: string; today: string; points: readonly BurnUpPoint[] }) {
  const rows = useMemo(() => burnUpRows(startDate, points), [startDate, points]);
  const last = points.at(-1);
  const summary = last ? `Burn-up: ${last.done} of ${last.scope} tasks done by ${formatDate(last.date)}` : 'Burn-up: no days recorded yet';
  // Few points: dots, so a single day still shows.
  const dot = points.length <= 3 ? { r: 3 } : false;
  return (
    <figure className="plan-burnup" aria-label="Burn-up">
      <figcaption className="plan-burnup__caption">
        <span className="plan-burnup__title">Burn-up</span>
        <span className="plan-burnup__legend">
          <span className="plan-burnup__key plan-burnup__key--scope">Scope</span>
          <span className="plan-burnup__key plan-burnup__key--done">Done</span>
        </span>
        <span className="muted plan-burnup__summary">{summary}</span>
      </figcaption>
      <div className="plan-burnup__chart">
        <ResponsiveContainer width="100%" height="100%" minWidth={0}>
          <ComposedChart data={rows} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
            <XAxis dataKey="date" tickFormatter={shortDay} tick={AXIS_TICK} stroke="var(--chart-grid)" minTickGap={24} />
            <YAxis allowDecimals={false} tick={AXIS_TICK} stroke="var(--chart-grid)" width={40} />
            <Tooltip content={(props) => <BurnUpTooltip active={props.active} payload={props.payload} />} />
            <ReferenceLine x={startDate} stroke="var(--chart-axis)" strokeDasharray="3 3" label={{ value: 'Day 0', position: 'top', fill: 'var(--chart-axis)', fontSize: 11 }} />
            {today > startDate && rows.some((r) => r.date === today) && (
              <ReferenceLine x={today} stroke="var(--accent)" strokeDasharray="3 3" label={{ value: 'Today', position: 'insideTopLeft', fill: 'var(--accent)', fontSize: 11 }} />
            )}
            <Area type="stepAfter" dataKey="done" name="Done" stroke="var(--chart-3)" fill="var(--chart-3)" fillOpacity={0.25} strokeWidth={2} dot={dot} connectNulls={false} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="scope" name="Scope" stroke="var(--chart-1)" strokeWidth={2} dot={dot} connectNulls={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
