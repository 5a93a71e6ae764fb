import type { AuthRequest, OAuthHelpers } from "@cloudflare/workers-oauth-provider";
import { Hono } from "hono";

const app = new Hono<{ Bindings: Env & { OAUTH_PROVIDER: OAuthHelpers } }>();

app.get("/authorize", async (c) => {
  const oauthReq: AuthRequest = await c.env.OAUTH_PROVIDER.parseAuthRequest(c.req.raw);
  const state = btoa(JSON.stringify(oauthReq));
  return c.redirect(`https://github.com/login/oauth/authorize?client_id=${c.env.GITHUB_CLIENT_ID}&scope=read:user&state=${state}`);
});

app.get("/callback", async (c) => {
  const oauthReq = JSON.parse(atob(c.req.query("state") ?? "")) as AuthRequest;
  const token = await fetch("https://github.com/login/oauth/access_token", {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({ client_id: c.env.GITHUB_CLIENT_ID, client_secret: c.env.GITHUB_CLIENT_SECRET, code: c.req.query("code") }),
  }).then((r) => r.json<{ access_token: string }>());
  const user = await fetch("https://api.github.com/user", { headers: { authorization: `Bearer ${token.access_token}`, "user-agent": "ledger-mcp" } }).then((r) => r.json<{ login: string; name: string }>());
  const { redirectTo } = await c.env.OAUTH_PROVIDER.completeAuthorization({
    request: oauthReq,
    userId: user.login,
    metadata: { label: user.name },
    scope: oauthReq.scope,
    props: { login: user.login, name: user.name, accessToken: token.access_token },
  });
  return c.redirect(redirectTo);
});

export { app as GitHubHandler };
