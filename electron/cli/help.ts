import type { CliCommand, CommandOption } from './command';

export const PROGRAM = 'agent-triage';

/** Accepted by every command; runCli adds them to each command's own options. */
export const COMMON_OPTIONS: readonly CommandOption[] = [
  { name: 'json', type: 'boolean', description: 'Print one JSON document on stdout: {"ok":true,"value":…} or {"ok":false,"error":…}' },
  { name: 'help', type: 'boolean', description: 'Show this help' },
];

export function commandName(command: CliCommand): string {
  return [PROGRAM, ...command.words].join(' ');
}

function optionSynopsis(option: CommandOption): string {
  const flag = option.valueName ? `--${option.name} ${option.valueName}` : `--${option.name}`;
  return option.required ? flag : `[${flag}]`;
}

export function usageLine(command: CliCommand): string {
  const args = (command.arguments ?? []).map((a) => a.name);
  return [commandName(command), ...args, ...command.options.map(optionSynopsis), '[--json]'].join(' ');
}

function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

export async function commandHelp(given: CliCommand): Promise<string> {
  const command = given.describe ? { ...given, ...(await given.describe()) } : given;
  const options = [...command.options, ...COMMON_OPTIONS];
  const lines = [`Usage: ${usageLine(command)}`, '', command.summary];
  if (command.arguments?.length) lines.push('', 'Arguments:', ...table(command.arguments.map((a) => [a.name, a.description] as const)));
  lines.push('', 'Options:', ...table(options.map((o) => [o.valueName ? `--${o.name} ${o.valueName}` : `--${o.name}`, o.description] as const)));
  if (command.notes?.length) lines.push('', ...command.notes);
  return lines.join('\n');
}

export function programHelp(commands: readonly CliCommand[]): string {
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Agent Triage Workstation: inventory, triage and harden the AI agents a company runs in production.',
    '',
    'Commands:',
    ...table(commands.map((c) => [c.words.join(' '), c.summary] as const)),
    '',
    'Options:',
    ...table([
      ['--help', `Show help; \`${PROGRAM} <command> --help\` for one command`],
      ['--version', 'Print the version'],
      ['--json', 'Machine-readable output on stdout (every command)'],
    ]),
    '',
    'Environment:',
    ...table([['AGENT_TRIAGE_HOME', 'Folder for app state: recent workspaces, the demo (default ~/.agent-triage)']]),
  ].join('\n');
}

/** Help for a word that only groups commands, e.g. `registry`. */
export function groupHelp(group: string, commands: readonly CliCommand[]): string {
  return [`Usage: ${PROGRAM} ${group} <command> [options]`, '', 'Commands:', ...table(commands.map((c) => [c.words.join(' '), c.summary] as const))].join('\n');
}
