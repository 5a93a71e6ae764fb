import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceInfo } from '../../../shared/contract';
import type { Engine } from '../../api/engine-types';
import type { WebHost } from '../../hosts/web-host';
import { CliError, usageError, type CliCommand, type CommandContext } from '../command';
import { callEngine, withEngine, withWorkspaceArg } from '../engine-session';

export const serveCommand: CliCommand = {
  words: ['serve'],
  summary: 'Serve the workstation to a browser on this machine (127.0.0.1 only, with a per-launch token)',
  options: [
    { name: 'workspace', type: 'string', valueName: 'W', description: 'Workspace file to open (created when missing); default: the last one used' },
    { name: 'port', type: 'string', valueName: 'P', description: 'Port to listen on; default: a free one' },
  ],
  notes: ['Stops on Ctrl+C. With --json, prints {"ok":true,"value":{url, token, port, workspace}} once the server listens.'],
  async run(ctx) {
    const port = parsePort(ctx.text('port'));
    const rendererDir = ctx.io.rendererDir ?? bundledRendererDir();
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new CliError('not-found', `The UI is not built (${join(rendererDir, 'index.html')} is missing): run \`npm run build\` first.`);
    }
    const { startWebHost } = await import('../../hosts/web-host');
    const { chromiumReportPrinter, requireChromium } = await import('../../report/chromium-printer');
    // The Reports page's PDF: the system Chromium prints the report route from this same host.
    let served: WebHost | null = null;
    const reportPrinter = () => chromiumReportPrinter(requireChromium(ctx.io.env), () => served!.urlWithToken);
    const serve = async (engine: Engine, workspace: WorkspaceInfo | null) => {
      const host = await startWebHost({ engine, rendererDir, port }).catch((err: unknown) => {
        throw explainListenFailure(err, port);
      });
      served = host;
      try {
        announce(ctx, host, workspace);
        await untilAborted(ctx.io.stopSignal);
      } finally {
        await host.close();
      }
    };
    if (ctx.text('workspace') !== undefined) {
      await withWorkspaceArg(ctx, { host: 'web', openLastWorkspace: false, reportPrinter }, { createIfMissing: true }, serve);
    } else {
      await withEngine(ctx, { host: 'web', openLastWorkspace: true, reportPrinter }, async (engine) => serve(engine, await callEngine(engine, 'currentWorkspace', {})));
    }
  },
};

/** The bundle is out/main/cli.js and the built renderer out/renderer/. */
export function bundledRendererDir(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}

function parsePort(given: string | undefined): number {
  if (given === undefined) return 0;
  const port = Number(given);
  if (!/^\d+$/.test(given) || port > 65_535) throw usageError(`--port must be a number from 0 to 65535, not "${given}".`);
  return port;
}

function explainListenFailure(err: unknown, port: number): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new CliError('conflict', `Port ${port} is already in use: choose another with --port, or leave --port out to use a free one.`);
  if (code === 'EACCES') return new CliError('conflict', `Port ${port} needs administrator rights: choose one above 1024.`);
  return err;
}

function announce(ctx: CommandContext, host: WebHost, workspace: WorkspaceInfo | null): void {
  const value = { url: host.urlWithToken, token: host.token, port: host.port, workspace: workspace && { path: workspace.path, name: workspace.name } };
  const serving = workspace ? workspace.name : 'no workspace yet';
  ctx.printResult(value, `Agent Triage Workstation is serving ${serving} at ${host.urlWithToken}\nOpen that URL in a browser; Ctrl+C stops it.`);
}

function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal === undefined) return; // served until the process is killed
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
