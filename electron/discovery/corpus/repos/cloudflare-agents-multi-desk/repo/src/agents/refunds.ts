import { Agent, callable } from "agents";
import { createWorkersAI } from "workers-ai-provider";
import { generateText, stepCountIs, tool } from "ai";
import Stripe from "stripe";
import { z } from "zod";

type RefundState = { caseId: string | null; decision: string | null };

// One instance per case: decides whether the disputed charge is refunded, and refunds it.
export class RefundAgent extends Agent<Env, RefundState> {
  initialState: RefundState = { caseId: null, decision: null };

  @callable()
  async review(caseId: string) {
    const stripe = new Stripe(this.env.STRIPE_SECRET_KEY);
    const issueRefund = tool({
      description: "Refund the disputed charge in full",
      inputSchema: z.object({ paymentIntent: z.string() }),
      execute: async ({ paymentIntent }) => {
        const refund = await stripe.refunds.create({ payment_intent: paymentIntent, reason: "fraudulent" });
        return { refund: refund.id };
      },
    });
    const workersai = createWorkersAI({ binding: this.env.AI });
    const { text } = await generateText({
      model: workersai("@cf/meta/llama-3.3-70b-instruct-fp8-fast"),
      system: "Refund charges under 100 GBP disputed as fraud within 60 days. Otherwise explain why not.",
      prompt: `Case ${caseId}`,
      tools: { issueRefund },
      stopWhen: stepCountIs(3),
    });
    this.setState({ caseId, decision: text });
    return text;
  }
}
