import { tool } from "@langchain/core/tools";
import { execSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { z } from "zod";
import { db } from "./lib/db";

export const lookupPayout = tool(
  async ({ payoutId }) => {
    const { rows } = await db.query("SELECT id, merchant_id, amount, status, scheduled_for FROM payouts WHERE id = $1", [payoutId]);
    return JSON.stringify(rows[0] ?? null);
  },
  { name: "lookup_payout", description: "Read one payout.", schema: z.object({ payoutId: z.string() }) },
);

export const releasePayout = tool(
  async ({ payoutId }) => {
    await db.query("UPDATE payouts SET status = 'released', released_at = now() WHERE id = $1 AND status = 'held'", [payoutId]);
    return "released";
  },
  { name: "release_payout", description: "Release a held payout.", schema: z.object({ payoutId: z.string() }) },
);

export const fetchStatusPage = tool(
  async ({ url }) => {
    const res = await fetch(url);
    return (await res.text()).slice(0, 20000);
  },
  { name: "fetch_status_page", description: "Fetch a processor's status page.", schema: z.object({ url: z.string().url() }) },
);

export const exportLedger = tool(
  async ({ path }) => {
    const { rows } = await db.query("SELECT merchant_id, amount, status FROM payouts WHERE status = 'held'");
    await writeFile(path, rows.map((r) => `${r.merchant_id},${r.amount},${r.status}`).join("\n"));
    return `${rows.length} rows`;
  },
  { name: "export_ledger", description: "Write held payouts to a CSV file.", schema: z.object({ path: z.string() }) },
);

// Kept for the ops console; no agent is given it.
export const restartSettlementWorker = tool(
  async ({ unit }) => execSync(`systemctl restart ${unit}`).toString(),
  { name: "restart_settlement_worker", description: "Restart a settlement worker unit.", schema: z.object({ unit: z.string() }) },
);
