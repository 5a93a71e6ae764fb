import { routeAgentRequest } from "agents";

// Every Durable Object class the config binds must be exported by the worker's main module.
export { IntakeAgent } from "./agents/intake";
export { RefundAgent } from "./agents/refunds";
export { DeskPresence } from "./agents/presence";

export default {
  async fetch(request: Request, env: Env) {
    return (await routeAgentRequest(request, env, { cors: true })) ?? new Response("Not found", { status: 404 });
  },
} satisfies ExportedHandler<Env>;
