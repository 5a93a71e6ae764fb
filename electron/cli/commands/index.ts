import type { CliCommand } from '../command';
import { agentsCommand } from './agents';
import { registryExportCommand } from './registry-export';
import { registryImportCommand } from './registry-import';
import { scanCommand } from './scan';
import { serveCommand } from './serve';

/** Every command, in the order help lists them. A new command is one file here plus one line below. */
export const COMMANDS: readonly CliCommand[] = [serveCommand, registryImportCommand, registryExportCommand, scanCommand, agentsCommand];
