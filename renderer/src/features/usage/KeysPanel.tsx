import { useEffect } from 'react';
import type { UsageKey } from '../../../../shared/contract';
import { hrefOf } from '../../app/routes';
import { useAppStore } from '../../store/store-context';
import { keyIdOf } from '../../store/usage-slice';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Spinner } from '../../ui/Spinner';
import { NoUsageYet } from './NoUsageYet';
import { ATTRIBUTION_LABELS, dayRangeText, formatCount, formatTokensCompact, formatUsd, providerName } from './usage-format';
import { WhoseKeyControl } from './WhoseKeyControl';

/** No agent, no person's mapping and no application: the key's calls are nobody's. */
export const isUnaccounted = (k: UsageKey) => k.agents.length === 0 && k.mapping === null && k.unattributedTokens > 0;

/** Every provider key and gateway key in the usage: whose calls it carries, and the ones nobody accounts for first. */
export function KeysPanel() {
  const keys = useAppStore((s) => s.usageKeys);
  const loadKeys = useAppStore((s) => s.loadUsageKeys);
  const loadAgents = useAppStore((s) => s.loadUsageAgents);
  const workspacePath = useAppStore((s) => s.workspace?.path);
  const importsDone = useAppStore((s) => s.fileImportRecords);

  useEffect(() => {
    if (!workspacePath) return;
    void loadKeys();
    void loadAgents();
  }, [workspacePath, importsDone, loadKeys, loadAgents]);

  if (!keys.data) {
    if (keys.error) return <KeysError error={keys.error} onRetry={() => void loadKeys()} />;
    return (
      <p className="usage-loading" role="status">
        <Spinner /> Reading the keys…
      </p>
    );
  }
  if (keys.data.length === 0) return <NoUsageYet />;
  // Nobody's keys first, then keys shared with the application, then the rest by spend.
  const rank = (k: UsageKey) => (isUnaccounted(k) ? 0 : k.sharedWithApplication ? 1 : 2);
  const rows = [...keys.data].sort((a, b) => rank(a) - rank(b) || b.costUsd - a.costUsd);
  const unaccounted = rows.filter(isUnaccounted).length;

  return (
    <div className="usage-keys" aria-busy={keys.loading || undefined}>
      {keys.error && <KeysError error={keys.error} onRetry={() => void loadKeys()} />}
      <p className="muted">
        {rows.length} {rows.length === 1 ? 'key' : 'keys'} in the imported usage{unaccounted > 0 && <>, <strong className="usage-alarm-text">{unaccounted} nobody accounts for</strong></>}. Say whose a key is and its calls are counted for that agent (tags on a call still win).
      </p>
      <div className="usage-table-scroll">
        <table className="simple-table usage-keys__table" aria-label="Keys in the usage">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Agents · whose key?</th>
              <th scope="col" className="usage-num">Tokens</th>
              <th scope="col" className="usage-num">Spend</th>
              <th scope="col">Models</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((k) => (
              <KeyRow key={keyIdOf(k)} usageKey={k} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function KeyRow({ usageKey: k }: { usageKey: UsageKey }) {
  const unaccounted = isUnaccounted(k);
  return (
    <tr className={unaccounted ? 'usage-row--alarm' : undefined}>
      <td>
        <span className="usage-key__provider">{providerName(k.provider)}</span> <span className="mono usage-key__id">{k.keyId}</span>
        <div className="usage-key__badges">
          {unaccounted && <Badge tone="danger">Nobody accounts for it</Badge>}
          {k.sharedWithApplication && (
            <Badge tone="warning" title="One key carries an agent’s calls and the application’s: a 48-hour checklist finding (each agent needs its own key)">
              ⚠ Shared with the application
            </Badge>
          )}
          {k.mapping?.application && <Badge tone="accent">Application</Badge>}
        </div>
        <div className="muted usage-key__period">{dayRangeText(k.firstDay, k.lastDay)}</div>
        {k.candidateKey && (
          <a className="usage-key__candidate" href={hrefOf({ page: 'candidate', identityKey: k.candidateKey })}>
            Review as a discovery candidate
          </a>
        )}
      </td>
      <td>
        {k.agents.length === 0 ? (
          <span className="muted">No agent</span>
        ) : (
          <ul className="usage-plain-list">
            {k.agents.map((a) => (
              <li key={a.id}>
                <a href={hrefOf({ page: 'agent', agentId: a.id })}>{a.name}</a> <span className="muted">{ATTRIBUTION_LABELS[a.via]}</span>
              </li>
            ))}
          </ul>
        )}
        <WhoseKeyControl usageKey={k} />
      </td>
      <td className="usage-num">
        <span title={`${formatCount(k.tokens)} tokens`}>{formatTokensCompact(k.tokens)}</span>
        {k.unattributedTokens > 0 && <div className="usage-alarm-text">{formatTokensCompact(k.unattributedTokens)} unattributed</div>}
        {k.applicationTokens > 0 && <div className="muted">{formatTokensCompact(k.applicationTokens)} application</div>}
      </td>
      {/* A key's cost carries no unpriced count: tokens with no cost at all can only be a price unknown. */}
      <td className="usage-num">{k.costUsd === 0 && k.tokens > 0 ? <span className="usage-unknown">Price unknown</span> : formatUsd(k.costUsd)}</td>
      <td>
        {k.models.length > 0 ? (
          <ul className="usage-plain-list">
            {k.models.map((m) => (
              <li key={m} className="mono">
                {m}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">None named</span>
        )}
      </td>
    </tr>
  );
}

function KeysError({ error, onRetry }: { error: string; onRetry: () => void }) {
  return (
    <ErrorBanner title="Could not list the keys">
      {error}{' '}
      <Button size="sm" onClick={onRetry}>
        Try again
      </Button>
    </ErrorBanner>
  );
}
