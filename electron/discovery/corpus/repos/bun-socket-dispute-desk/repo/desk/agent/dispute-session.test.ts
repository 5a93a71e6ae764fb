import { describe, expect, it } from "bun:test";
import { DisputeSession } from "./dispute-session";

describe("DisputeSession", () => {
  it("tracks the sockets it answers", () => {
    const session = new DisputeSession("s1");
    const ws = { data: {}, send() {} } as any;
    session.subscribe(ws);
    expect(ws.data.sessionId).toBe("s1");
  });
});
