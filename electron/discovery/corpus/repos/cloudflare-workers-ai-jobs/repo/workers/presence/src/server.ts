import { Agent, routeAgentRequest, type Connection } from "agents";

type RoomState = { viewers: string[] };

// Shows which agents of the disputes desk have a case open: shared state, no model.
export class CaseRoom extends Agent<Env, RoomState> {
  initialState: RoomState = { viewers: [] };

  async onConnect(connection: Connection) {
    this.setState({ viewers: [...this.state.viewers, connection.id] });
  }

  async onClose(connection: Connection) {
    this.setState({ viewers: this.state.viewers.filter((id) => id !== connection.id) });
  }
}

export default {
  async fetch(request: Request, env: Env) {
    return (await routeAgentRequest(request, env)) ?? new Response("Not found", { status: 404 });
  },
} satisfies ExportedHandler<Env>;
