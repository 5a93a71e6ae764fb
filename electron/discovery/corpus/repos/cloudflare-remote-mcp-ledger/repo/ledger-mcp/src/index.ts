import OAuthProvider from "@cloudflare/workers-oauth-provider";
import { McpAgent } from "agents/mcp";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { GitHubHandler } from "./github-handler";

// Who signed in through GitHub: set by the OAuth provider on every MCP request.
type Props = { login: string; name: string; accessToken: string };

const FINANCE_OPS = new Set(["mhall", "ppatel", "jokafor"]);

export class LedgerMCP extends McpAgent<Env, Record<string, never>, Props> {
  server = new McpServer({ name: "northwind-ledger", version: "1.2.0" });

  async init() {
    this.server.tool(
      "get_balance",
      "Current and available balance of a customer account",
      { accountId: z.string() },
      async ({ accountId }) => {
        const row = await this.env.LEDGER.prepare("SELECT current_minor, available_minor, currency FROM balances WHERE account_id = ?1").bind(accountId).first();
        return { content: [{ type: "text", text: JSON.stringify(row) }] };
      },
    );

    this.server.tool(
      "list_transactions",
      "Transactions of an account between two dates",
      { accountId: z.string(), from: z.string(), to: z.string() },
      async ({ accountId, from, to }) => {
        const { results } = await this.env.LEDGER.prepare("SELECT id, amount_minor, merchant, booked_at FROM transactions WHERE account_id = ?1 AND booked_at BETWEEN ?2 AND ?3").bind(accountId, from, to).all();
        return { content: [{ type: "text", text: JSON.stringify(results) }] };
      },
    );

    // Only finance operations may put an account on hold.
    if (FINANCE_OPS.has(this.props.login)) {
      this.server.tool(
        "hold_account",
        "Put a hold on an account suspected of fraud",
        { accountId: z.string(), reason: z.string() },
        async ({ accountId, reason }) => {
          await this.env.LEDGER.prepare("UPDATE accounts SET status = 'held', hold_reason = ?2 WHERE id = ?1").bind(accountId, reason).run();
          return { content: [{ type: "text", text: `Account ${accountId} held` }] };
        },
      );
    }
  }
}

export default new OAuthProvider({
  apiHandlers: {
    "/sse": LedgerMCP.serveSSE("/sse"),
    "/mcp": LedgerMCP.serve("/mcp"),
  },
  authorizeEndpoint: "/authorize",
  clientRegistrationEndpoint: "/register",
  defaultHandler: GitHubHandler as any,
  tokenEndpoint: "/token",
});
