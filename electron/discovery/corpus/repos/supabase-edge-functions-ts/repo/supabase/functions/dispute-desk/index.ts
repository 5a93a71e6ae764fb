// The merchant dashboard's dispute assistant: POST { question, history } from the dashboard.
import { corsHeaders } from '../_shared/cors.ts';
import { answerDispute } from './agent.ts';

Deno.serve(async (req: Request) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  if (req.method !== 'POST') return new Response('Method not allowed', { status: 405, headers: corsHeaders });
  const { question, history } = await req.json();
  const answer = await answerDispute(question, history ?? []);
  return new Response(JSON.stringify({ answer }), { headers: { ...corsHeaders, 'Content-Type': 'application/json' } });
});
