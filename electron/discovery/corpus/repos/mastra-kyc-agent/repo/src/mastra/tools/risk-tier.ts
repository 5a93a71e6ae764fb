import { createTool } from '@mastra/core/tools';
import pg from 'pg';
import { z } from 'zod';

const pool = new pg.Pool({ connectionString: process.env.MERCHANTS_DATABASE_URL });

export const setRiskTier = createTool({
  id: 'set-risk-tier',
  description: "Set a merchant's KYC risk tier once the review is complete.",
  inputSchema: z.object({
    merchantId: z.string().regex(/^m_\d{6}$/),
    tier: z.enum(['low', 'medium', 'high', 'refer']),
    rationale: z.string().min(20),
  }),
  execute: async ({ context }) => {
    await pool.query(
      `UPDATE merchants SET kyc_risk_tier = $2, kyc_reviewed_at = now(), kyc_reviewed_by = 'kyc-reviewer-agent' WHERE id = $1`,
      [context.merchantId, context.tier],
    );
    await pool.query(`INSERT INTO kyc_decisions (merchant_id, tier, rationale, decided_by) VALUES ($1, $2, $3, 'kyc-reviewer-agent')`, [
      context.merchantId,
      context.tier,
      context.rationale,
    ]);
    return { updated: true };
  },
});
