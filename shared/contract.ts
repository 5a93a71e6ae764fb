import type { z } from 'zod';
import { combineContracts, type MethodSpec } from './contracts/method';
import { agentsContract } from './contracts/agents';
import { blastRadiusContract } from './contracts/blast-radius';
import { dossierContract } from './contracts/dossier';
import { usageContract } from './contracts/usage';
import { triageContract } from './contracts/triage';
import { planContract } from './contracts/plan';
import { reviewContract } from './contracts/review';
import { reportContract } from './contracts/report';
import { manifestContract } from './contracts/manifest';
import { importsContract } from './contracts/imports';
import { appContract } from './contracts/app';
import { discoveryContract } from './contracts/discovery';
import { jobsContract } from './contracts/jobs';
import { exportsContract } from './contracts/exports';
import { workspaceContract } from './contracts/workspace';
import type { ApiResult } from './errors';

export * from './contracts/agents';
export * from './contracts/blast-radius';
export * from './contracts/dossier';
export * from './contracts/usage';
export * from './contracts/triage';
export * from './contracts/plan';
export * from './contracts/review';
export * from './contracts/report';
export * from './contracts/manifest';
export * from './contracts/imports';
export * from './contracts/app';
export * from './contracts/discovery';
export * from './contracts/jobs';
export * from './contracts/registry';
export * from './contracts/exports';
export * from './contracts/uploaded-file';
export * from './contracts/workspace';

/**
 * The one backend contract, joined from one contract per capability (shared/contracts/). Every
 * method is declared once: its input schema (validated by the engine's dispatcher on every host)
 * and its output type. The preload bridge, the HTTP client, the CLI and the handlers are all
 * typed from this object, so a renamed method or a changed shape fails the type check everywhere.
 */
export const contract = combineContracts(appContract, workspaceContract, agentsContract, discoveryContract, importsContract, blastRadiusContract, dossierContract, usageContract, triageContract, planContract, reviewContract, exportsContract, reportContract, manifestContract, jobsContract);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];
/** What a caller passes (defaults optional). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (defaults applied, validated). */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

/** What the renderer talks to, whichever host it runs in. Failures throw BackendError. */
export type Backend = { [M in MethodName]: (input: InputOf<M>) => Promise<OutputOf<M>> };

/** What crosses the wire for one call: IPC and HTTP carry this shape. */
export type WireResult<M extends MethodName> = ApiResult<OutputOf<M>>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
