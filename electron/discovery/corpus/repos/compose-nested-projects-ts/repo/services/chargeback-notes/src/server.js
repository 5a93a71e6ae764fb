import express from 'express';
import OpenAI from 'openai';

const openai = new OpenAI();
const app = express();
app.use(express.json());

app.post('/chargebacks/summary', async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    messages: [
      { role: 'system', content: 'Summarise these chargeback notes in three lines for an analyst.' },
      { role: 'user', content: String(req.body.notes ?? '') },
    ],
  });
  res.json({ summary: completion.choices[0]?.message.content ?? '' });
});

app.listen(Number(process.env.PORT ?? 8081), () => console.log('chargeback-notes listening'));
