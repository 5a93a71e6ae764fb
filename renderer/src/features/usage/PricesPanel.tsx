import { useEffect, useState } from 'react';
import type { ModelPrice } from '../../../../shared/contract';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatDate } from '../../ui/format-date';
import { Spinner } from '../../ui/Spinner';
import { PriceDialog } from './PriceDialog';
import { formatUsdFine } from './usage-format';

type Editing = { price: ModelPrice | null; model: string | null };

/** The price table costs are estimated from: bundled prices, a person's own, and the models in use that have none. */
export function PricesPanel() {
  const prices = useAppStore((s) => s.modelPrices);
  const loadPrices = useAppStore((s) => s.loadModelPrices);
  const resetPrice = useAppStore((s) => s.resetModelPrice);
  const acting = useAppStore((s) => s.usageActing);
  const workspacePath = useAppStore((s) => s.workspace?.path);
  const importsDone = useAppStore((s) => s.fileImportRecords);
  const [editing, setEditing] = useState<Editing | null>(null);

  useEffect(() => {
    if (workspacePath) void loadPrices();
  }, [workspacePath, importsDone, loadPrices]);

  if (!prices.data) {
    if (prices.error) return <PricesError error={prices.error} onRetry={() => void loadPrices()} />;
    return (
      <p className="usage-loading" role="status">
        <Spinner /> Reading the prices…
      </p>
    );
  }
  const { unpricedModels } = prices.data;
  // The prices the usage is costed with come first; the rest of the bundled table follows.
  const rows = [...prices.data.prices].sort((a, b) => Number(b.usedBy.length > 0) - Number(a.usedBy.length > 0) || a.model.localeCompare(b.model));

  return (
    <div className="usage-prices" aria-busy={prices.loading || undefined}>
      {prices.error && <PricesError error={prices.error} onRetry={() => void loadPrices()} />}
      <div className="usage-tab-head">
        <p className="muted">Costs the source does not report are estimated from these prices, in USD per million tokens. A price you enter replaces the bundled one and is kept in the audit log.</p>
        <Button onClick={() => setEditing({ price: null, model: null })}>Add a price…</Button>
      </div>
      <div className="usage-table-scroll">
        <table className="simple-table usage-prices__table" aria-label="Model prices">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col" className="usage-num">Input</th>
              <th scope="col" className="usage-num">Cached</th>
              <th scope="col" className="usage-num">Cache write</th>
              <th scope="col" className="usage-num">Output</th>
              <th scope="col">Taken on · source</th>
              <th scope="col">Used by</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {unpricedModels.map((model) => (
              <tr key={`unpriced ${model}`} className="usage-row--warning">
                <td>
                  <span className="mono">{model}</span> <Badge tone="warning">Price unknown</Badge>
                </td>
                <td colSpan={6} className="muted">
                  Used in the imported usage with no price: its cost is unknown, not zero.
                </td>
                <td>
                  <Button size="sm" variant="primary" onClick={() => setEditing({ price: null, model })}>
                    Add price
                  </Button>
                </td>
              </tr>
            ))}
            {rows.map((p) => (
              <tr key={p.model}>
                <td>
                  <span className="mono">{p.model}</span>{' '}
                  {p.origin === 'person' ? (
                    <Badge tone="accent" title="Entered in this workspace; kept in the audit log">
                      Yours
                    </Badge>
                  ) : (
                    <Badge tone="muted" title="Ships with the app">
                      Bundled
                    </Badge>
                  )}
                </td>
                <td className="usage-num">{formatUsdFine(p.inputPerMTok)}</td>
                <td className="usage-num">{formatUsdFine(p.cachedInputPerMTok)}</td>
                <td className="usage-num" title="5-minute writes; 1-hour writes after the dot">
                  {formatUsdFine(p.cacheWritePerMTok)}
                  {p.cacheWrite1hPerMTok !== p.cacheWritePerMTok ? <span className="usage-nowrap"> · 1 h {formatUsdFine(p.cacheWrite1hPerMTok)}</span> : null}
                </td>
                <td className="usage-num">{formatUsdFine(p.outputPerMTok)}</td>
                <td className="usage-source">
                  <span className="usage-nowrap">{formatDate(p.takenOn)}</span>
                  <div>{sourceOf(p.source)}</div>
                </td>
                <td>
                  {p.usedBy.length > 0 ? (
                    <ul className="usage-plain-list">
                      {p.usedBy.map((m) => (
                        <li key={m} className="mono">
                          {m}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">Not in the usage</span>
                  )}
                </td>
                <td>
                  <div className="usage-row-actions">
                    <Button size="sm" onClick={() => setEditing({ price: p, model: null })} aria-label={`Edit the price of ${p.model}`}>
                      Edit
                    </Button>
                    {p.origin === 'person' && (
                      <Button size="sm" variant="ghost" onClick={() => void resetPrice(p.model)} disabled={acting === `price-reset:${p.model}`} aria-label={`Reset the price of ${p.model}`} title="Drop your price: the bundled one, if there is one, applies again">
                        Reset
                      </Button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && <PriceDialog price={editing.price} model={editing.model} onClose={() => setEditing(null)} />}
    </div>
  );
}

/** A source that is a web address is a link (opened outside the app) named by its site; anything else is shown as written. */
function sourceOf(source: string) {
  if (source === '') return <span className="muted">Not said</span>;
  if (/^https:\/\/[^\s]+$/.test(source)) {
    let site = source;
    try {
      site = new URL(source).hostname.replace(/^www\./, '');
    } catch {
      // Shown as written.
    }
    return (
      <a href={source} target="_blank" rel="noreferrer noopener" title={source}>
        {site}
      </a>
    );
  }
  return source;
}

function PricesError({ error, onRetry }: { error: string; onRetry: () => void }) {
  return (
    <ErrorBanner title="Could not list the prices">
      {error}{' '}
      <Button size="sm" onClick={onRetry}>
        Try again
      </Button>
    </ErrorBanner>
  );
}
