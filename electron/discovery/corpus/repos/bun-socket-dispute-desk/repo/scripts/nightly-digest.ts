import { writeDigest } from "../digest/digest-writer";

// Ops run this by hand after the chargeback file lands: `bun run digest`.
const day = process.argv[2] ?? new Date().toISOString().slice(0, 10);
await writeDigest(day);
