import type { UsageOverview } from '../../../../shared/contract';
import { costText, dayRangeText, formatMoney, providerName } from './usage-format';

/**
 * What each provider billed beside what its own usage rows over the same days cost at the price
 * table's list prices. They differ by a negotiated discount, an out-of-date price, or calls the
 * bill covers that no imported usage export holds. Where a bill names the model, the usage rows'
 * cost is the bill (spread over them); elsewhere it is the list-price estimate.
 */
export function BilledVsRecorded({ overview }: { overview: UsageOverview }) {
  if (overview.billed.length === 0) return null;
  return (
    <section className="usage-billed" aria-labelledby="usage-billed-title">
      <h2 id="usage-billed-title" className="usage-section-title">
        Billed against estimated
      </h2>
      <table className="simple-table usage-billed__table">
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Period</th>
            <th scope="col" className="usage-num">
              Billed
            </th>
            <th scope="col" className="usage-num">
              At list prices
            </th>
          </tr>
        </thead>
        <tbody>
          {overview.billed.map((b) => (
            <tr key={`${b.provider} ${b.currency} ${b.from}`}>
              <td>{providerName(b.provider)}</td>
              <td>{dayRangeText(b.from, b.to)}</td>
              <td className="usage-num">{formatMoney(b.amount, b.currency)}</td>
              <td className="usage-num" title={b.unpricedModels.length ? `No price for ${b.unpricedModels.join(', ')}` : undefined}>
                {formatMoney(b.listPriceUsd, 'USD')}
                {b.unpricedModels.length ? ' + price unknown' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="usage-billed__compare">
        Where a bill names the model, its usage rows cost what was billed; other currencies than USD are shown here and not added to the totals of {costText(overview.total)}.
      </p>
    </section>
  );
}
