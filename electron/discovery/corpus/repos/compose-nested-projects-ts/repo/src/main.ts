import { startServer } from './http/server';

startServer(Number(process.env.PORT ?? 3000));
