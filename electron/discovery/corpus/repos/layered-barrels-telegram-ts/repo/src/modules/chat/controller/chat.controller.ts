import { Router } from "express";
import { ChatService } from "../services";

export class ChatController {
  get routes(): Router {
    const router = Router();
    router.post("/message", async (req, res) => {
      res.json({ answer: await ChatService.get().answer(req.body.text, req.body.merchantId) });
    });
    return router;
  }
}
