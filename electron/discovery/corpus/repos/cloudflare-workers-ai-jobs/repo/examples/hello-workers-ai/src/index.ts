// The smallest Workers AI call, for people new to the platform team's setup.
export default {
  async fetch(request: Request, env: { AI: Ai }) {
    const question = new URL(request.url).searchParams.get("q") ?? "What is a chargeback?";
    const answer = await env.AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: question });
    return Response.json(answer);
  },
} satisfies ExportedHandler<{ AI: Ai }>;
