import { Agent, type Connection } from "agents";

// Which desk staff are online: shared state over WebSockets, no model.
export class DeskPresence extends Agent<Env, { online: string[] }> {
  initialState = { online: [] as string[] };

  onConnect(connection: Connection) {
    this.setState({ online: [...this.state.online, connection.id] });
  }

  onClose(connection: Connection) {
    this.setState({ online: this.state.online.filter((id) => id !== connection.id) });
  }
}
