import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { nightlyDigest } from "@/inngest/digest";
import { resolveDispute } from "@/inngest/functions";

export const { GET, POST, PUT } = serve({
  client: inngest,
  functions: [resolveDispute, nightlyDigest],
});
