import { runCli } from './run-cli';

/** The process wiring of `agent-triage` (bundled to out/main/cli.js); everything else is in runCli. */

// Closing a pipe early (`agent-triage registry export … | head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

// The first Ctrl+C asks the command to stop cleanly (close the server, cancel a job); a second one forces it.
const stop = new AbortController();
const onStopSignal = (): void => {
  if (stop.signal.aborted) process.exit(130);
  stop.abort();
};
process.on('SIGINT', onStopSignal);
process.on('SIGTERM', onStopSignal);

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), stopSignal: stop.signal }).then((code) => {
  process.off('SIGINT', onStopSignal);
  process.off('SIGTERM', onStopSignal);
  // exitCode, not exit(): stdout may still be flushing a large export into a pipe.
  process.exitCode = code;
});
