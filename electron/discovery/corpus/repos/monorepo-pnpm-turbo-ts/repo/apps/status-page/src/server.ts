import express from 'express';

const app = express();

// Public status of the card rails, polled from the processor's health endpoint.
app.get('/status', async (_req, res) => {
  const upstream = await fetch('https://status.processor.example/api/v2/summary.json');
  res.json({ rails: (await upstream.json()).components ?? [] });
});

app.listen(Number(process.env.PORT ?? 3001));
