export function formatAmount(amountCents, currency, locale = 'en-IE') {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amountCents / 100);
}
