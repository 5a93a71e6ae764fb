import express from "express";
import { createServer } from "http";
import { init } from "./init";
import { createApiRouter } from "./routes";

// Built when index.ts calls it: the routes and the server run in index.ts's process.
export async function createApp() {
  await init();
  const app = express();
  app.use(express.json());
  app.use("/api", createApiRouter());
  createServer(app).listen(Number(process.env.PORT ?? 3000));
}
