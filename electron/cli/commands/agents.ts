import type { CliCommand } from '../command';
import { callEngine, withWorkspaceArg } from '../engine-session';

export const agentsCommand: CliCommand = {
  words: ['agents'],
  summary: 'List every registry agent and discovered candidate, with triggers, frameworks, capabilities, credentials, endpoints and evidence',
  options: [{ name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file to read (must exist)' }],
  notes: ['With --json the output is {"ok":true,"value":{"agents":[…],"candidates":[…]}}, each candidate with its evidence.'],
  async run(ctx) {
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: false }, async (engine) => {
      const inventory = await callEngine(engine, 'inventory', {});
      const lines = [
        `${inventory.agents.length} registry agents:`,
        ...inventory.agents.map((a) => `  ${a.name.padEnd(40)} ${a.status.padEnd(10)} ${a.trigger.kind.padEnd(8)} ${a.owner ? a.owner.name : '(no owner)'}`),
        `${inventory.candidates.length} discovered candidates:`,
        ...inventory.candidates.map(
          (c) => `  ${c.name.padEnd(40)} ${c.decision.padEnd(10)} ${c.trigger.kind.padEnd(8)} ${[...new Set(c.capabilities.map((x) => x.kind))].join(', ') || '-'}  (${c.unit.path})`,
        ),
      ];
      ctx.printResult(inventory, lines.join('\n'));
    });
  },
};
