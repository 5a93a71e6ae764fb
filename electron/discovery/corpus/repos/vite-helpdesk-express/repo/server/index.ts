import express from 'express';
import { run } from '@openai/agents';
import { triageAgent } from './agents/triage';

const app = express();
app.use(express.json());

app.post('/api/triage', async (req, res) => {
  const result = await run(triageAgent, req.body.message);
  res.json({ reply: result.finalOutput });
});

app.listen(Number(process.env.PORT ?? 3001));
