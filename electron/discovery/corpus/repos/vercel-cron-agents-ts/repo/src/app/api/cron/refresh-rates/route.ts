import { sql } from '@/lib/db';

// No model: pulls the ECB reference rates every half hour.
export async function GET() {
  const xml = await fetch('https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml').then((r) => r.text());
  const rates = [...xml.matchAll(/currency='(\w+)' rate='([\d.]+)'/g)].map(([, currency, rate]) => ({ currency, rate: Number(rate) }));
  for (const { currency, rate } of rates) await sql`INSERT INTO fx_rates (currency, rate) VALUES (${currency}, ${rate})`;
  return Response.json({ updated: rates.length });
}
