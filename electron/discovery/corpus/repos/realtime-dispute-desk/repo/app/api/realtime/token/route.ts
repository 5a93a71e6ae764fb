import { NextResponse } from 'next/server';

export async function POST() {
  const r = await fetch('https://api.openai.com/v1/realtime/client_secrets', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${process.env.OPENAI_API_KEY}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ session: { type: 'realtime', model: 'gpt-realtime' } }),
  });
  if (!r.ok) return NextResponse.json({ error: 'token failed' }, { status: 502 });
  const data = await r.json();
  return NextResponse.json({ value: data.value });
}
