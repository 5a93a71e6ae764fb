import { Router } from "express";
import { ChatController } from "../modules/chat/controller/chat.controller";

export function createApiRouter() {
  const router = Router();
  router.use("/chat", new ChatController().routes);
  return router;
}
