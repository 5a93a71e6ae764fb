"use server";

import { inngest } from "@/inngest/client";

// The case form posts here; the network runs later, when Inngest delivers the event.
export async function openDispute(disputeId: string, chargeId: string) {
  await inngest.send({ name: "disputes/opened", data: { disputeId, chargeId } });
}
