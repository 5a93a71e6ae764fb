import express from 'express'
import { mcpServer } from 'genkitx-mcp'
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js'
import { ai } from '../genkit'
import '../tools/refunds'

// Exposes the codebase's Genkit tools to the support team's desktop assistants.
const disputesMcp = mcpServer(ai, { name: 'disputes-genkit', version: '0.3.0' })

const app = express()
let transport: SSEServerTransport | null = null

app.get('/sse', (req, res) => {
  transport = new SSEServerTransport('/messages', res)
  disputesMcp.server!.connect(transport)
})

app.post('/messages', (req, res) => {
  if (transport) transport.handlePostMessage(req, res)
})

app.listen(3100)
