import { genkit } from 'genkit'
import { googleAI, gemini20Flash } from '@genkit-ai/googleai'
import { defineSecret } from 'firebase-functions/params'
import { ledgerReader } from './mcp/ledger-client'

// Secret Manager, bound to the functions that call the model.
export const geminiKey = defineSecret('GEMINI_API_KEY')

// One Genkit instance for the whole codebase: flows, tools and the MCP bridge register on it.
export const ai = genkit({
  plugins: [googleAI(), ledgerReader],
  model: gemini20Flash,
})
