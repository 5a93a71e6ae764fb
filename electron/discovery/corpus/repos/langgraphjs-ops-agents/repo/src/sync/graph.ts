import { Annotation, END, START, StateGraph } from "@langchain/langgraph";
import pg from "pg";

// Copies the public status page into our incidents table. No model anywhere.
const pool = new pg.Pool({ connectionString: process.env.LEDGER_DATABASE_URL });

const SyncState = Annotation.Root({
  incidents: Annotation<Array<{ id: string; status: string; title: string }>>(),
  written: Annotation<number>(),
});

async function fetchStatus() {
  const response = await fetch("https://status.northwind-pay.example/api/v2/incidents.json");
  const body = (await response.json()) as { incidents: Array<{ id: string; status: string; name: string }> };
  return { incidents: body.incidents.map((i) => ({ id: i.id, status: i.status, title: i.name })) };
}

async function upsert(state: typeof SyncState.State) {
  for (const incident of state.incidents) {
    await pool.query(
      "INSERT INTO incidents (id, status, title) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status",
      [incident.id, incident.status, incident.title],
    );
  }
  return { written: state.incidents.length };
}

export const graph = new StateGraph(SyncState)
  .addNode("fetch_status", fetchStatus)
  .addNode("upsert", upsert)
  .addEdge(START, "fetch_status")
  .addEdge("fetch_status", "upsert")
  .addEdge("upsert", END)
  .compile();
