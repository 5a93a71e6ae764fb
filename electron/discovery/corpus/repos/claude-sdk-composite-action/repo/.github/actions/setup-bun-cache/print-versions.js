const { execFileSync } = require('node:child_process');

for (const tool of ['bun', 'node']) {
  console.log(`${tool} ${execFileSync(tool, ['--version']).toString().trim()}`);
}
