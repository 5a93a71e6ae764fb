import { statusAgent } from "../agents";

const PROCESSORS = ["https://status.adyen.example", "https://status.stripe.example"];

async function main() {
  for (;;) {
    const result = await statusAgent.invoke({ messages: [{ role: "user", content: `Check: ${PROCESSORS.join(", ")}` }] });
    console.log(result.messages.at(-1)?.content);
    await new Promise((resolve) => setTimeout(resolve, 5 * 60_000));
  }
}

main();
