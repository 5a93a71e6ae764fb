#!/usr/bin/env node
// The `agent-triage` command: a thin launcher for the CLI bundled with the app (out/main/cli.js).
import { existsSync } from 'node:fs';

const cliBundle = new URL('../out/main/cli.js', import.meta.url);

// Checked up front rather than by catching the import: a failure inside a built bundle must show its own error.
if (!existsSync(cliBundle)) {
  process.stderr.write('agent-triage is not built yet: run `npm install` (or `npm run build`) first.\n');
  process.exit(1);
}

await import(cliBundle.href);
