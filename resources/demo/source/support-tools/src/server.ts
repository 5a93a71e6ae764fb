import express from 'express';
import { fraudCase } from './fraud-db';
import { summariseCase } from './fraud-summary';

const app = express();
app.use(express.json({ limit: '100kb' }));

app.get('/healthz', (_req, res) => {
  res.json({ ok: true });
});

app.get('/fraud-cases/:id', async (req, res) => {
  const found = await fraudCase(req.params.id);
  if (!found) return res.status(404).json({ error: 'no such case' });
  res.json(found);
});

app.get('/fraud-cases/:id/summary', async (req, res) => {
  const found = await fraudCase(req.params.id);
  if (!found) return res.status(404).json({ error: 'no such case' });
  res.json({ summary: await summariseCase(found) });
});

app.listen(Number(process.env.PORT ?? 3000), () => {
  console.log('support-tools web listening');
});
