// Uptime page for the desk; no model here.
Deno.serve<Deno.ServeHandlerInfo>({ port: 8088 }, async () => {
  const started = Date.now();
  const res = await fetch("http://dispute-desk.internal:3030/api/disputes");
  return Response.json({ ok: res.ok, ms: Date.now() - started });
});
