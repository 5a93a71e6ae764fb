import { tool, type ToolSet } from "ai";
import { getCurrentAgent } from "agents";
import { scheduleSchema } from "agents/schedule";
import Stripe from "stripe";
import { z } from "zod";
import type { DisputeChat } from "./server";

function agentEnv(): Env {
  const { agent } = getCurrentAgent<DisputeChat>();
  if (!agent) throw new Error("no agent context");
  return agent.env;
}

export const disputeTools: ToolSet = {
  lookupCharge: tool({
    description: "Find a card charge by its reference or amount and date",
    inputSchema: z.object({ reference: z.string() }),
    execute: async ({ reference }) => {
      const env = agentEnv();
      return env.LEDGER.prepare("SELECT id, amount_minor, currency, merchant, captured_at FROM charges WHERE reference = ?1").bind(reference).first();
    },
  }),

  refundCharge: tool({
    description: "Refund a disputed charge under 50 GBP",
    inputSchema: z.object({ paymentIntent: z.string(), amountMinor: z.number().int().max(5000) }),
    needsApproval: async ({ amountMinor }) => amountMinor > 2000,
    execute: async ({ paymentIntent, amountMinor }) => {
      const stripe = new Stripe(agentEnv().STRIPE_SECRET_KEY);
      const refund = await stripe.refunds.create({ payment_intent: paymentIntent, amount: amountMinor, reason: "requested_by_customer" });
      return { refund: refund.id, status: refund.status };
    },
  }),

  // Client-side tool: the page answers it with the browser's time zone.
  getCustomerTimezone: tool({
    description: "The customer's time zone, from their browser",
    inputSchema: z.object({}),
  }),

  scheduleFollowUp: tool({
    description: "Schedule a follow-up message to the customer",
    inputSchema: scheduleSchema,
    execute: async ({ when, description }) => {
      const { agent } = getCurrentAgent<DisputeChat>();
      if (!agent || when.type === "no-schedule") return "Not scheduled";
      const input = when.type === "scheduled" ? when.date : when.type === "delayed" ? when.delayInSeconds : when.cron;
      agent.schedule(input!, "executeTask", description);
      return `Follow-up scheduled: ${description}`;
    },
  }),
};
