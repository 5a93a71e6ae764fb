import type { CliCommand } from '../command';
import { agentsCommand } from './agents';
import { blastRadiusCommand, principalsCommand, whoCanReachCommand } from './blast-radius';
import { budgetsExportCommand } from './budgets-export';
import { importCommand } from './import';
import { registryExportCommand } from './registry-export';
import { registryImportCommand } from './registry-import';
import { scanCommand } from './scan';
import { serveCommand } from './serve';
import { usageCommand } from './usage';
import { triageCommand } from './triage';
import { planCommand } from './plan';
import { driftCommand, reviewCommand } from './review';
import { exportCommand } from './export';
import { reportCommand } from './report';
import { checkCommand } from './check';

/** Every command, in the order help lists them. A new command is one file here plus one line below. */
export const COMMANDS: readonly CliCommand[] = [
  serveCommand,
  importCommand,
  registryImportCommand,
  registryExportCommand,
  scanCommand,
  agentsCommand,
  blastRadiusCommand,
  whoCanReachCommand,
  principalsCommand,
  usageCommand,
  budgetsExportCommand,
  triageCommand,
  planCommand,
  reviewCommand,
  driftCommand,
  exportCommand,
  reportCommand,
  checkCommand,
];
