import OpenAI from "openai";
import type { SQSEvent } from "aws-lambda";

const openai = new OpenAI();

// One onboarding checklist per new merchant, written by the "Onboarding guide" assistant.
export const handler = async (event: SQSEvent) => {
  for (const record of event.Records) {
    const merchant = JSON.parse(record.body) as { id: string; country: string; plan: string };
    const thread = await openai.beta.threads.create({
      messages: [{ role: "user", content: `New merchant ${merchant.id} in ${merchant.country} on the ${merchant.plan} plan.` }],
    });
    const run = await openai.beta.threads.runs.createAndPoll(thread.id, { assistant_id: process.env.ONBOARDING_ASSISTANT_ID! });
    if (run.status !== "completed") throw new Error(`onboarding run for ${merchant.id} ended ${run.status}`);
  }
};
