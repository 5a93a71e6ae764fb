import express from 'express';
import { chatRouter } from './routes/chat.js';
import { statusRouter } from './routes/status.js';

const app = express();
app.use(express.json());
app.use('/chat', chatRouter);
app.use('/status', statusRouter);

app.listen(Number(process.env.PORT ?? 8080), () => console.log('payout helpdesk up'));
