import { useId } from 'react';
import type { AgentUsage } from '../../../../shared/contract';
import { ACTIVITY_EXPLANATIONS, ACTIVITY_LABELS, ACTIVITY_TONES, costText, formatCount, formatDay, formatMonth, formatPeriod, formatTrend, formatUsd } from '../../domain/agent-activity';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { DailyCostChart } from './DailyCostChart';

/** The Usage page's address (its route belongs to the Usage page). */
const USAGE_HREF = '#/usage';

/** What the agent spent in the imported LLM usage: activity, spend and tokens, trend, caps, projection, cost per unit of work. */
export function UsageCard({ agentId }: { agentId: string }) {
  const usage = useAppStore((s) => (s.agentUsage?.agentId === agentId ? s.agentUsage : null));
  const titleId = useId();
  return (
    <section className="side-card usage-card" aria-labelledby={titleId}>
      <div className="side-card__row">
        <h2 id={titleId} className="side-card__title">
          Usage and cost
        </h2>
        <a href={USAGE_HREF} className="side-card__link">
          Open in Usage
        </a>
      </div>
      {usage?.error ? (
        <p className="muted">Could not read the usage: {usage.error}</p>
      ) : !usage?.value ? (
        <p className="muted" aria-busy="true">
          Reading…
        </p>
      ) : (
        <UsageFacts usage={usage.value} />
      )}
    </section>
  );
}

function UsageFacts({ usage }: { usage: AgentUsage }) {
  const openFileImport = useAppStore((s) => s.openFileImport);
  const { totals, budget } = usage;
  const first = usage.daily[0]?.day;
  const last = usage.daily.at(-1)?.day;
  const activity = (
    <p className="usage-card__activity">
      <Badge tone={ACTIVITY_TONES[usage.activity]}>{ACTIVITY_LABELS[usage.activity]}</Badge>
      <span className="muted">{ACTIVITY_EXPLANATIONS[usage.activity]}</span>
    </p>
  );

  if (totals.requests === 0 && totals.totalTokens === 0) {
    return (
      <>
        {activity}
        <p>{first && last ? `No usage seen for this agent in the imported period (${formatPeriod(first, last)}).` : 'No usage seen for this agent: no LLM usage has been imported yet.'}</p>
        <p className="muted usage-card__how">
          To fill it,{' '}
          <button type="button" className="link-button usage-card__inline" onClick={openFileImport}>
            import provider usage
          </button>{' '}
          (OpenAI or Anthropic usage exports, LiteLLM spend logs, GenAI traces), or map one of its keys to it on the <a href={USAGE_HREF}>Usage page</a>.
        </p>
      </>
    );
  }

  const priceUnknown = totals.unpricedTokens > 0;
  return (
    <>
      {activity}
      <div className="usage-card__spend">
        <strong className={priceUnknown && totals.costUsd === 0 ? 'usage-card__total muted' : 'usage-card__total'}>{costText(totals)}</strong>
        {first && last && <span className="muted">{formatPeriod(first, last)}</span>}
      </div>
      <p className="usage-card__tokens">
        {formatCount(totals.totalTokens)} tokens · {totals.requests.toLocaleString()} {totals.requests === 1 ? 'request' : 'requests'}
      </p>
      {priceUnknown && (
        <p className="usage-card__note">
          Price unknown for {formatCount(totals.unpricedTokens)} tokens of {totals.unpricedModels.join(', ') || 'an unpriced model'}: add its price on the Usage page.
        </p>
      )}
      <p className="usage-card__trend">
        {usage.trend === null ? (
          <span className="muted">No earlier week to compare the last 7 days with.</span>
        ) : (
          <>
            <span className="muted">Last 7 days vs the 7 before </span>
            <strong className={usage.trend > 0 ? 'usage-card__up' : undefined}>{formatTrend(usage.trend)}</strong>
          </>
        )}
      </p>
      {usage.daily.length > 1 && <DailyCostChart usage={usage} />}

      <dl className="usage-card__list">
        <dt>Daily cap</dt>
        <dd>{capText(budget)}</dd>
        {budget.daysOverCap.length > 0 && (
          <>
            <dt className="usage-card__over">Over the cap</dt>
            <dd>
              <ul className="usage-card__over-days" aria-label="Days over the cap">
                {budget.daysOverCap.map((d) => (
                  <li key={d.day} className="usage-card__over">
                    {formatDay(d.day)}: {formatUsd(d.costUsd)}, {formatCount(d.tokens)} tokens
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {budget.month && (
          <>
            <dt>{formatMonth(budget.month.month)}</dt>
            <dd>
              {formatUsd(budget.month.spentUsd)} so far, <strong>{formatUsd(budget.month.projectedUsd)}</strong> projected by month end
            </dd>
          </>
        )}
        {usage.units.map((u) => (
          <UnitCost key={u.id} unit={u} />
        ))}
        <dt>{usage.keys.length === 1 ? 'Key' : 'Keys'}</dt>
        <dd className="usage-card__mono">{usage.keys.length ? usage.keys.join(', ') : <span className="muted">Attributed by tag, no key of its own</span>}</dd>
        <dt>Models</dt>
        <dd className="usage-card__mono">{usage.models.join(', ')}</dd>
      </dl>
      {usage.units.length === 0 && <p className="muted usage-card__how">Cost per productive unit (per ticket, per invoice): enter the units it produced on the Usage page.</p>}
    </>
  );
}

function capText(budget: AgentUsage['budget']): string {
  const caps = [budget.dailyCostCapUsd !== null ? formatUsd(budget.dailyCostCapUsd) : null, budget.dailyTokenCap !== null ? `${formatCount(budget.dailyTokenCap)} tokens` : null].filter(Boolean);
  if (caps.length === 0) return 'None set';
  return `${caps.join(' and ')} a day${budget.daysOverCap.length === 0 ? ', never exceeded' : ''}`;
}

function UnitCost({ unit }: { unit: AgentUsage['units'][number] }) {
  return (
    <>
      <dt>Cost per unit</dt>
      <dd title={`${formatPeriod(unit.from, unit.to)}, entered by ${unit.enteredBy}`}>
        {unit.costPerUnitUsd === null ? <span className="muted">price unknown</span> : <strong>{formatUsd(unit.costPerUnitUsd)}</strong>} each{' '}
        <span className="muted">
          · {unit.count.toLocaleString()} {unit.unit}
        </span>
      </dd>
    </>
  );
}
