import express from 'express';
import { agentStreamEvent } from '@llamaindex/workflow';
import { desk } from './workflow';

const app = express();
app.use(express.json());

app.post('/chat', async (req, res) => {
  const events = desk.runStream(req.body.message ?? '');
  for await (const event of events) {
    if (agentStreamEvent.include(event) && event.data.delta) res.write(event.data.delta);
  }
  res.end();
});

app.listen(Number(process.env.PORT ?? 3000));
