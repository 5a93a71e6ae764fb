import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { CliError, EXIT_OK, usageError, type CliCommand, type CliIo, type CommandContext, type CommandOption } from './command';
import { COMMANDS } from './commands';
import { COMMON_OPTIONS, PROGRAM, commandHelp, commandName, groupHelp, programHelp } from './help';

/**
 * Runs one CLI invocation and returns the exit code: 0 done, 1 failed, 2 usage error. Never
 * throws and never exits the process, so tests drive it in-process with buffers for io.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // Known before parsing, so even a usage error comes back as JSON when the caller asked for it.
  const json = argv.includes('--json');
  try {
    await route(argv, io, json);
    return EXIT_OK;
  } catch (err) {
    return reportFailure(err, io, json);
  }
}

async function route(argv: readonly string[], io: CliIo, json: boolean): Promise<void> {
  const words = argv.slice(0, leadingWordCount(argv));
  if (words.length === 0) return runProgramOptions(argv, io, json);

  const command = findCommand(words);
  if (command === undefined) return explainMissingCommand(words, argv, io, json);

  const parsed = parseCommandArgs(command, argv.slice(command.words.length));
  const ctx = createContext(command, parsed, io, json);
  if (ctx.flag('help')) {
    const help = await commandHelp(command);
    ctx.printResult({ help }, help);
    return;
  }
  await command.run(ctx);
}

function leadingWordCount(argv: readonly string[]): number {
  const index = argv.findIndex((arg) => arg.startsWith('-'));
  return index === -1 ? argv.length : index;
}

/** The command whose words are the longest prefix of the leading words (later words are its arguments). */
function findCommand(words: readonly string[]): CliCommand | undefined {
  return COMMANDS.filter((c) => c.words.every((word, i) => words[i] === word)).sort((a, b) => b.words.length - a.words.length)[0];
}

function runProgramOptions(argv: readonly string[], io: CliIo, json: boolean): void {
  const { values } = parseOrExplain(PROGRAM, () =>
    parseArgs({ args: [...argv], options: { help: { type: 'boolean' }, version: { type: 'boolean' }, json: { type: 'boolean' } }, strict: true }),
  );
  const output = createOutput(io, json);
  if (values.version) output.printResult({ version }, version);
  else output.printResult({ help: programHelp(COMMANDS) }, programHelp(COMMANDS));
}

/** `agent-triage registry` alone lists its subcommands; anything else unknown is a usage error. */
function explainMissingCommand(words: readonly string[], argv: readonly string[], io: CliIo, json: boolean): void {
  const group = words[0] ?? '';
  const members = COMMANDS.filter((c) => c.words.length > 1 && c.words[0] === group);
  if (members.length === 0) {
    throw usageError(`Unknown command "${group}". Commands: ${COMMANDS.map((c) => c.words.join(' ')).join(', ')}. Run \`${PROGRAM} --help\`.`);
  }
  if (words.length === 1 && argv.includes('--help')) {
    createOutput(io, json).printResult({ help: groupHelp(group, members) }, groupHelp(group, members));
    return;
  }
  const names = members.map((c) => c.words.slice(1).join(' ')).join(', ');
  const given = words[1] === undefined ? 'needs a subcommand' : `has no subcommand "${words[1]}"`;
  throw usageError(`${PROGRAM} ${group} ${given}: ${names}. Run \`${PROGRAM} ${group} --help\`.`);
}

interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

function parseCommandArgs(command: CliCommand, args: readonly string[]): ParsedArgs {
  const options = Object.fromEntries([...command.options, ...COMMON_OPTIONS].map((o) => [o.name, { type: o.type }]));
  const parsed = parseOrExplain(commandName(command), () => parseArgs({ args: [...args], options, allowPositionals: true, strict: true }));
  if (parsed.values.help) return parsed;

  const expected = command.arguments ?? [];
  const variadic = expected.at(-1)?.variadic === true;
  const count = parsed.positionals.length;
  if (variadic ? count < expected.length : count !== expected.length) {
    const what = expected.length === 0 ? 'takes no arguments' : `takes ${expected.map((a) => a.name).join(' ')}`;
    throw usageError(`${commandName(command)} ${what}. Run \`${commandName(command)} --help\`.`);
  }
  const missing = command.options.find((o: CommandOption) => o.required && parsed.values[o.name] === undefined);
  if (missing) throw usageError(`${commandName(command)} needs --${missing.name} ${missing.valueName ?? ''}`.trimEnd() + '.');
  return parsed;
}

/** parseArgs messages go on with advice about `--`; the first sentence is the useful part. */
function parseOrExplain<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('. ')[0];
    throw usageError(`${first}. Run \`${name} --help\`.`);
  }
}

interface Output {
  printResult(value: unknown, humanText: string): void;
}

function createOutput(io: CliIo, json: boolean): Output {
  return {
    printResult(value, humanText) {
      if (json) io.stdout.write(`${JSON.stringify({ ok: true, value })}\n`);
      else if (humanText !== '') io.stdout.write(humanText.endsWith('\n') ? humanText : `${humanText}\n`);
    },
  };
}

function createContext(command: CliCommand, parsed: ParsedArgs, io: CliIo, json: boolean): CommandContext {
  const progressOn = io.stderr.isTTY === true;
  return {
    io,
    cwd: io.cwd ?? process.cwd(),
    version,
    json,
    positionals: parsed.positionals,
    text: (name) => {
      const value = parsed.values[name];
      return typeof value === 'string' ? value : undefined;
    },
    flag: (name) => parsed.values[name] === true,
    ...createOutput(io, json),
    showProgress: (line) => {
      if (progressOn) io.stderr.write(`\r${line.slice(0, 120)}\u001b[K`);
    },
    clearProgress: () => {
      if (progressOn) io.stderr.write('\r\u001b[K');
    },
  };
}

function reportFailure(err: unknown, io: CliIo, json: boolean): number {
  const failure =
    err instanceof CliError
      ? err
      : new CliError('internal', `Unexpected failure: ${err instanceof Error ? err.message : String(err)}. Nothing more was done; please report this.`);
  if (json) {
    const error = failure.details === undefined ? { code: failure.code, message: failure.message } : { code: failure.code, message: failure.message, details: failure.details };
    io.stdout.write(`${JSON.stringify({ ok: false, error })}\n`);
  } else {
    for (const line of failure.detailLines) io.stderr.write(`${line}\n`);
  }
  // One line, no stack: the message is written for the person at the terminal.
  io.stderr.write(`${PROGRAM}: ${failure.message.replace(/\s*\n\s*/g, ' ')}\n`);
  return failure.exitCode;
}
