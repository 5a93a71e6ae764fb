import type { ReactNode } from 'react';
import type { UsageOverview } from '../../../../shared/contract';
import { hrefOf } from '../../app/routes';
import { costBasisText, costText, formatCount, formatShare, formatTokensCompact, formatUsd } from './usage-format';

/** The figures a consultant reads first: spend, tokens, requests, what nobody accounts for, and the keys. */
export function HeadlineFigures({ overview }: { overview: UsageOverview }) {
  const { total, unattributed, keys } = overview;
  const keysHref = hrefOf({ page: 'usage', tab: 'keys' });
  return (
    <section className="usage-figures" aria-label="Headline figures">
      <Figure label="Total spend" value={total.costUsd === 0 && total.unpricedTokens > 0 ? 'Price unknown' : formatUsd(total.costUsd)} title={costBasisText(total)} tone={total.unpricedTokens > 0 ? 'warning' : undefined}>
        {total.unpricedTokens > 0 ? (
          <>
            <span className="usage-unknown">+ price unknown</span> for {formatTokensCompact(total.unpricedTokens)} tokens of {total.unpricedModels.join(', ')}: <a href={hrefOf({ page: 'usage', tab: 'prices' })}>add a price</a>
          </>
        ) : (
          costSourcesText(total.costByBasis)
        )}
      </Figure>
      <Figure label="Tokens" value={formatTokensCompact(total.totalTokens)} title={`${formatCount(total.totalTokens)} tokens`}>
        {formatTokensCompact(total.inputTokens)} in · {formatTokensCompact(total.cachedInputTokens)} cached · {formatTokensCompact(total.outputTokens)} out
      </Figure>
      <Figure label="Requests" value={formatCount(total.requests)} />
      <Figure label="Unattributed" value={formatShare(overview.unattributedShare)} tone={overview.unattributedShare > 0 ? 'danger' : undefined}>
        {costText(unattributed)} on no agent and not the application’s
      </Figure>
      <Figure label="Keys" value={formatCount(keys.total)}>
        <a href={keysHref} className={keys.unaccounted > 0 ? 'usage-figure__alarm' : undefined}>
          {keys.unaccounted} nobody accounts for
        </a>
        {' · '}
        <a href={keysHref} className={keys.sharedWithApplication > 0 ? 'usage-figure__warn' : undefined}>
          {keys.sharedWithApplication} shared with the application
        </a>
      </Figure>
    </section>
  );
}

function costSourcesText(byBasis: UsageOverview['total']['costByBasis']): string {
  const parts = [byBasis.reported > 0 ? `${formatUsd(byBasis.reported)} reported` : null, byBasis.billed > 0 ? `${formatUsd(byBasis.billed)} billed` : null, byBasis['price-table'] > 0 ? `${formatUsd(byBasis['price-table'])} estimated` : null];
  return parts.filter(Boolean).join(' · ') || 'No cost recorded';
}

function Figure({ label, value, title, tone, children }: { label: string; value: string; title?: string; tone?: 'warning' | 'danger'; children?: ReactNode }) {
  return (
    <div className={tone ? `usage-figure usage-figure--${tone}` : 'usage-figure'}>
      <p className="usage-figure__label">{label}</p>
      <p className="usage-figure__value" title={title}>
        {value}
      </p>
      {children && <p className="usage-figure__detail">{children}</p>}
    </div>
  );
}
