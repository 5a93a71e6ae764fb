import { execFileSync } from 'node:child_process'

// Which code-quality tools CI runs, in order; `tools` here are linters, not model tools.
const config = { tools: ['eslint', 'prettier', 'tsc'], failFast: true }

for (const tool of config.tools) {
  execFileSync('npx', [tool, tool === 'tsc' ? '--noEmit' : '.'], { stdio: 'inherit' })
}
