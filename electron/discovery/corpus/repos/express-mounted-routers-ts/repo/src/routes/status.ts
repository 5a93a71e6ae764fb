import { Router } from 'express';

export const statusRouter = Router();

statusRouter.get('/', (_req, res) => {
  res.json({ ok: true, version: process.env.GIT_SHA ?? 'dev' });
});
