import { createAgent, gemini } from "@inngest/agent-kit";
import { inngest } from "./client";

const digestWriter = createAgent({
  name: "digest-writer",
  system: "Write a short plain-language digest of yesterday's disputes for the risk team.",
  model: gemini({ model: "gemini-2.5-flash" }),
});

export const nightlyDigest = inngest.createFunction(
  { id: "nightly-dispute-digest" },
  { cron: "TZ=Europe/Paris 0 3 * * *" },
  async ({ step }) => {
    const rows = await step.run("load", () => fetch("https://disputes.northwind.internal/api/yesterday").then((r) => r.json()));
    const { output } = await digestWriter.run(JSON.stringify(rows));
    return output;
  },
);
