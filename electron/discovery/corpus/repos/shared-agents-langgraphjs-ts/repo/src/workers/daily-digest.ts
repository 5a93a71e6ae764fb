import { ChatOpenAI } from "@langchain/openai";
import { fetchStatusPage, lookupPayout } from "../tools";

// The digest model may look payouts up and read status pages; nothing else of tools.ts.
const llm = new ChatOpenAI({ model: "gpt-4.1-mini" }).bindTools([lookupPayout, fetchStatusPage]);
const byName = { lookup_payout: lookupPayout, fetch_status_page: fetchStatusPage };

async function main() {
  const messages: any[] = [{ role: "user", content: "Write today's payout digest for the ops channel." }];
  for (let step = 0; step < 6; step++) {
    const reply = await llm.invoke(messages);
    messages.push(reply);
    if (!reply.tool_calls?.length) break;
    for (const call of reply.tool_calls) {
      const picked = byName[call.name as keyof typeof byName];
      messages.push(await picked.invoke(call));
    }
  }
  console.log(messages.at(-1)?.content);
}

main();
