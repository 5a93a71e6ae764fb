import Redis from "ioredis";
import { payoutAgent } from "../agents";
import { exportLedger } from "../tools";

const redis = new Redis(process.env.REDIS_URL!);

async function main() {
  for (;;) {
    const job = await redis.brpop("payouts:review", 30);
    if (!job) continue;
    // Finance reconciles against the held list as it was before the agent ran.
    await exportLedger.invoke({ path: "/mnt/finance/held-payouts.csv" });
    await payoutAgent.invoke({ messages: [{ role: "user", content: `Review held payouts for merchant ${job[1]}` }] });
  }
}

main();
