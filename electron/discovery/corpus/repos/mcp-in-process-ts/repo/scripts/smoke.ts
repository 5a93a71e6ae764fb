import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { createNotesServer } from "../src/notes-server.js";

// Lists the tools after a deploy, to check the server still starts. No model involved.
const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
await createNotesServer().connect(serverTransport);
const client = new Client({ name: "smoke", version: "0.0.1" });
await client.connect(clientTransport);
console.log((await client.listTools()).tools.map((t) => t.name).join(", "));
await client.close();
