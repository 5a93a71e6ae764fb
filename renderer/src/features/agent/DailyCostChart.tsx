import { Bar, BarChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { AgentUsage } from '../../../../shared/contract';
import { formatDay, formatUsd } from '../../domain/agent-activity';

interface DayBar {
  day: string;
  costUsd: number;
  /** One of the two is the day's cost, the other 0: a day over the cap is drawn red. */
  within: number;
  over: number;
}

function DayTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: DayBar }> }) {
  const bar = payload?.[0]?.payload;
  if (!active || !bar) return null;
  return (
    <div className="usage-chart__tooltip">
      <span>{formatDay(bar.day, true)}</span> <strong>{formatUsd(bar.costUsd)}</strong>
      {bar.over > 0 && <span className="usage-chart__tooltip-over"> over the cap</span>}
    </div>
  );
}

/** Daily cost over the imported period, days over the daily cost cap in red, the cap as a dashed line. */
export function DailyCostChart({ usage }: { usage: AgentUsage }) {
  const overDays = new Set(usage.budget.daysOverCap.map((d) => d.day));
  const data: DayBar[] = usage.daily.map((d) => ({ day: d.day, costUsd: d.costUsd, within: overDays.has(d.day) ? 0 : d.costUsd, over: overDays.has(d.day) ? d.costUsd : 0 }));
  const peak = usage.daily.reduce<(typeof usage.daily)[number] | null>((top, d) => (top === null || d.costUsd > top.costUsd ? d : top), null);
  const cap = usage.budget.dailyCostCapUsd;
  const first = usage.daily[0];
  const last = usage.daily.at(-1);
  const summary =
    first && last && peak
      ? `Daily cost from ${formatDay(first.day, true)} to ${formatDay(last.day, true)}: highest ${formatUsd(peak.costUsd)} on ${formatDay(peak.day)}${overDays.size ? `, ${overDays.size} over the cap` : ''}`
      : 'Daily cost';
  return (
    <figure className="usage-chart" aria-label={summary}>
      <BarChart responsive data={data} margin={{ top: 2, right: 0, bottom: 0, left: 0 }} barCategoryGap={1} style={{ width: '100%', height: 56 }} accessibilityLayer={false}>
        <XAxis dataKey="day" hide />
        <YAxis hide domain={[0, (dataMax: number) => Math.max(dataMax, cap ?? 0)]} />
        <Tooltip content={DayTooltip} cursor={{ fill: 'currentColor', fillOpacity: 0.08 }} isAnimationActive={false} />
        <Bar dataKey="within" stackId="cost" className="usage-chart__within" isAnimationActive={false} />
        <Bar dataKey="over" stackId="cost" className="usage-chart__over" isAnimationActive={false} />
        {cap !== null && <ReferenceLine y={cap} className="usage-chart__cap" strokeDasharray="3 3" ifOverflow="extendDomain" />}
      </BarChart>
      {first && last && (
        <figcaption className="usage-chart__axis">
          <span>{formatDay(first.day)}</span>
          <span>{formatDay(last.day)}</span>
        </figcaption>
      )}
    </figure>
  );
}
