import { DisputeSession } from "../agent/dispute-session";
import type { SocketData } from "../agent/socket-types";
import { inboxRoutes } from "./inbox-routes";

const sessions = new Map<string, DisputeSession>();

function sessionFor(id: string): DisputeSession {
  let session = sessions.get(id);
  if (!session) {
    session = new DisputeSession(id);
    sessions.set(id, session);
  }
  return session;
}

// Agents answer analysts over a websocket; the REST routes only list disputes.
const server = Bun.serve<SocketData>({
  port: Number(process.env.PORT ?? 3030),
  fetch(req, srv) {
    const url = new URL(req.url);
    if (url.pathname === "/ws") {
      return srv.upgrade(req, { data: {} }) ? undefined : new Response("upgrade failed", { status: 400 });
    }
    return inboxRoutes(req);
  },
  websocket: {
    async message(ws, raw) {
      const { sessionId, text } = JSON.parse(String(raw));
      const session = sessionFor(sessionId);
      session.subscribe(ws);
      await session.ask(text);
    },
    close(ws) {
      if (ws.data.sessionId) sessions.get(ws.data.sessionId)?.unsubscribe(ws);
    },
  },
});

console.log(`dispute desk on :${server.port}`);
