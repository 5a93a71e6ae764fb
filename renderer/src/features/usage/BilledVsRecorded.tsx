import type { UsageOverview } from '../../../../shared/contract';
import { costText, dayRangeText, formatMoney, providerName } from './usage-format';

/**
 * What the providers billed beside what the usage rows add up to. They differ when a bill covers
 * calls no usage export was imported for, or when the price table is out of date.
 */
export function BilledVsRecorded({ overview }: { overview: UsageOverview }) {
  if (overview.billed.length === 0) return null;
  const billedUsd = overview.billed.filter((b) => b.currency === 'USD').reduce((sum, b) => sum + b.amount, 0);
  const allUsd = overview.billed.every((b) => b.currency === 'USD');
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
          </tr>
        </thead>
        <tbody>
          {overview.billed.map((b) => (
            <tr key={`${b.provider} ${b.currency} ${b.from}`}>
              <td>{providerName(b.provider)}</td>
              <td>{dayRangeText(b.from, b.to)}</td>
              <td className="usage-num">{formatMoney(b.amount, b.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="usage-billed__compare">
        {allUsd ? (
          <>
            Bills: <strong>{formatMoney(billedUsd, 'USD')}</strong> · usage rows (reported and estimated): <strong>{costText(overview.total)}</strong>
          </>
        ) : (
          <>Some bills are not in USD: they are shown as billed and not added to the usage rows’ {costText(overview.total)}.</>
        )}
      </p>
    </section>
  );
}
