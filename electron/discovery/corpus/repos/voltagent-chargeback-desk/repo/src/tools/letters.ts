import { writeFile } from "node:fs/promises";
import { createTool } from "@voltagent/core";
import { z } from "zod";

export const saveRepresentmentLetterTool = createTool({
  name: "save_representment_letter",
  description: "Store the representment letter for the card network upload job",
  parameters: z.object({ disputeId: z.string(), letter: z.string() }),
  execute: async ({ disputeId, letter }) => {
    await writeFile(`/var/chargebacks/outbox/${disputeId}.txt`, letter, "utf8");
    return { saved: true };
  },
});
