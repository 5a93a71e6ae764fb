import { mcpClient } from 'genkitx-mcp'

// Read-only view of the ledger database, exposed to flows as `ledger/query`.
export const ledgerReader = mcpClient({
  name: 'ledger',
  serverProcess: {
    command: 'npx',
    args: ['-y', '@modelcontextprotocol/server-postgres', 'postgresql://ledger_ro@ledger-db.internal:5432/ledger'],
  },
})
