import { experimental_createMCPClient, generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { Experimental_StdioMCPTransport } from 'ai/mcp-stdio';

const notes = await experimental_createMCPClient({ transport: new Experimental_StdioMCPTransport({ command: 'node', args: ['server.js'] }) });
const { text } = await generateText({ model: openai('gpt-4.1-mini'), tools: await notes.tools(), prompt: 'Save a note called smoke with text ok' });
console.log(text);
