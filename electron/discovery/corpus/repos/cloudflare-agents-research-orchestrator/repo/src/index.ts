import { routeAgentRequest } from "agents";

export { CaseDesk } from "./desk";
export { MerchantResearch, EvidenceJudge } from "./specialists";

export default {
  async fetch(request: Request, env: Env) {
    return (await routeAgentRequest(request, env)) ?? new Response("Not found", { status: 404 });
  },
} satisfies ExportedHandler<Env>;
