import express from 'express';
import { payoutsRouter } from './routes/payouts';

const app = express();
app.use(express.json());
app.use('/payouts', payoutsRouter);

app.listen(Number(process.env.PORT ?? 3000), () => console.log('ledger api listening'));
