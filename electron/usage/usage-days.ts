import { BackendError } from '../../shared/errors';

export const DAY_MS = 86_400_000;

/** UTC days since 1970-01-01, as usage rows store them, to and from YYYY-MM-DD. */
export const dayText = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const dayNumber = (text: string): number => Math.floor(Date.parse(`${text}T00:00:00Z`) / DAY_MS);

export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

/** A WHERE fragment on `day` for an optional from/to (both inclusive). */
export function periodFilter(period: Period): { sql: string; args: number[] } {
  const from = period.from ? dayNumber(period.from) : null;
  const to = period.to ? dayNumber(period.to) : null;
  if ((from !== null && Number.isNaN(from)) || (to !== null && Number.isNaN(to))) throw new BackendError('invalid-input', 'That date does not exist; give dates as YYYY-MM-DD.');
  if (from !== null && to !== null && from > to) throw new BackendError('invalid-input', `The period starts (${period.from}) after it ends (${period.to}); swap the dates.`);
  const clauses: string[] = [];
  const args: number[] = [];
  if (from !== null) {
    clauses.push('day >= ?');
    args.push(from);
  }
  if (to !== null) {
    clauses.push('day <= ?');
    args.push(to);
  }
  return { sql: clauses.length ? clauses.join(' AND ') : '1', args };
}
