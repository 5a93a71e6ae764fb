/**
 * Numbers as en-US writes them ("3,400,000", "1,234.50") without Intl. The first
 * toLocaleString of a process loads ICU's number formatting (10-20 ms), which a one-shot CLI
 * command pays in full for a few commas. The text is toLocaleString('en-US')'s, character for
 * character (en-us-numbers.test.ts compares them); what these do not write themselves (fractions
 * of a count, NaN, infinities, 1e21 and over) is left to it.
 */

const withCommas = (digits: string) => digits.replace(/\B(?=(\d{3})+$)/g, ',');

/** toLocaleString('en-US'): integers written here, anything else by Intl. */
export function enUsNumber(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  // Intl keeps the sign of negative zero.
  return `${n < 0 || Object.is(n, -0) ? '-' : ''}${withCommas(String(Math.abs(n)))}`;
}

/**
 * The shortest decimal that reads back as this double (what String gives), without an exponent:
 * Intl rounds that decimal, not the double's exact binary value (0.015 is written "0.02", although
 * the double is a hair under 0.015 and toFixed gives "0.01").
 */
function shortestDecimal(abs: number): string {
  const text = String(abs);
  const exponent = /^(\d)(?:\.(\d+))?e-(\d+)$/.exec(text);
  return exponent ? `0.${'0'.repeat(Number(exponent[3]) - 1)}${exponent[1]}${exponent[2] ?? ''}` : text;
}

/** toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }): the shortest decimal rounded half away from zero, as Intl's default rounding does. */
export function enUsFixed(n: number, digits: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const [whole = '0', fraction = ''] = shortestDecimal(Math.abs(n)).split('.');
  let kept = `${whole}${fraction.slice(0, digits).padEnd(digits, '0')}`;
  if ((fraction[digits] ?? '0') >= '5') kept = (BigInt(kept) + 1n).toString().padStart(kept.length, '0');
  const point = kept.length - digits;
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${withCommas(kept.slice(0, point))}${digits > 0 ? `.${kept.slice(point)}` : ''}`;
}
