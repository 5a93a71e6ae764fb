import express from 'express';
import { caseNotes, disputeById } from './db.js';
import { summariseCaseNotes } from './summarise.js';

const app = express();
app.use(express.json());

app.get('/disputes/:id', async (req, res) => {
  const dispute = await disputeById(req.params.id);
  if (!dispute) return res.status(404).json({ error: 'not found' });
  res.json(dispute);
});

app.get('/disputes/:id/summary', async (req, res) => {
  const notes = await caseNotes(req.params.id);
  if (notes.length === 0) return res.json({ summary: 'No case notes yet.' });
  res.json({ summary: await summariseCaseNotes(notes) });
});

app.listen(Number(process.env.PORT ?? 8080), () => {
  console.log('disputes-console-api listening');
});
