import { Hono } from "hono";

type Bindings = { AI: Ai };

const app = new Hono<{ Bindings: Bindings }>();

// The mobile app shows a one-line summary under each receipt.
app.post("/summarise", async (c) => {
  const { lines } = await c.req.json<{ lines: string[] }>();
  const result = await c.env.AI.run("@cf/mistral/mistral-7b-instruct-v0.2", {
    prompt: `Summarise this receipt in one line for a banking app:\n${lines.join("\n")}`,
    max_tokens: 60,
  });
  return c.json({ summary: result.response });
});

app.get("/health", (c) => c.text("ok"));

export default app;
