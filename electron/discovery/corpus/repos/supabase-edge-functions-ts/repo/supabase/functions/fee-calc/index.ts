// A plain calculator the dashboard calls: dispute fee and reserve for an amount. No model.
import { serve } from 'https://deno.land/std@0.168.0/http/server.ts';
import { corsHeaders } from '../_shared/cors.ts';

const DISPUTE_FEE_CENTS = 1500;

serve(async (req: Request) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  const { amountCents } = await req.json();
  const reserve = Math.round(amountCents * 0.1);
  return new Response(JSON.stringify({ fee: DISPUTE_FEE_CENTS, reserve }), { headers: { ...corsHeaders, 'Content-Type': 'application/json' } });
});
