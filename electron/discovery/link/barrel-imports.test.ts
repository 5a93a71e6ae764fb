import { describe, expect, it } from 'vitest';
import { scanTreeFixture } from '../scan/test-scan-tree';

const fixture = scanTreeFixture('atw-barrel-imports-');

/**
 * A layered Node app (the Code Capsules agent template's shape): src/index.ts runs init(), which
 * imports its services through barrels (`./modules` → modules/index.ts → chat/index.ts →
 * chat/services/index.ts), and the chat service builds the agent through another barrel. Six
 * imports as files, three as written: the barrels cost no depth, so the entry reaches the agent.
 */
const LAYERED_APP = {
  'package.json': '{ "name": "desk", "scripts": { "start": "ts-node src/index.ts" } }',
  'src/index.ts': 'import { init } from "./init";\n\nasync function main() {\n  await init();\n}\n\nmain().catch(() => process.exit(1));\n',
  'src/init.ts': 'import { ChatService, PollingBot } from "./modules";\n\nexport async function init() {\n  const chat = await ChatService.create();\n  new PollingBot(chat).start();\n}\n',
  'src/modules/index.ts': 'export * from "./chat";\nexport * from "./bot";\n',
  'src/modules/chat/index.ts': 'export * from "./services";\n',
  'src/modules/chat/services/index.ts': 'export * from "./chat.service";\n',
  'src/modules/chat/services/chat.service.ts': [
    'import { RefundAgent } from "../../agent";',
    '',
    'export class ChatService {',
    '  static async create() {',
    '    return new ChatService(new RefundAgent());',
    '  }',
    '  constructor(private agent: RefundAgent) {}',
    '  answer(text: string) {',
    '    return this.agent.prompt(text);',
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/modules/agent/index.ts': 'export * from "./agent";\n',
  'src/modules/agent/agent.ts': [
    'import { createAgent, tool } from "langchain";',
    'import { z } from "zod";',
    '',
    'const lookupRefund = tool(async ({ id }) => `refund ${id} is pending`, { name: "lookup_refund", description: "Look a refund up", schema: z.object({ id: z.string() }) });',
    '',
    'export class RefundAgent {',
    '  private agent = createAgent({ model: "openai:gpt-4.1-mini", tools: [lookupRefund] });',
    '  prompt(text: string) {',
    '    return this.agent.invoke({ messages: [{ role: "user", content: text }] });',
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/modules/bot/index.ts': 'export * from "./polling-bot";\n',
  'src/modules/bot/polling-bot.ts': 'import type { ChatService } from "../chat";\n\nexport class PollingBot {\n  constructor(private chat: ChatService) {}\n  start() {\n    setInterval(() => void this.chat.answer("ping"), 1000);\n  }\n}\n',
};

describe('imports through barrels', () => {
  it('cost no depth: the entry three written imports above the agent reaches it through six files', async () => {
    fixture.writeAll(LAYERED_APP);
    const { agents } = await fixture.scan();
    const counted = agents.filter((a) => a.classification === 'agent' && a.confidence >= 0.5);
    expect(counted.map((a) => a.unit.path)).toEqual(['src/index.ts']);
    expect(counted[0]!.codeFiles).toContain('src/modules/agent/agent.ts');
  });
});
