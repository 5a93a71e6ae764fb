import type { MethodName } from '../../shared/contract';
import { agentsContract } from '../../shared/contracts/agents';
import { appContract } from '../../shared/contracts/app';
import { blastRadiusContract } from '../../shared/contracts/blast-radius';
import { discoveryContract } from '../../shared/contracts/discovery';
import { dossierContract } from '../../shared/contracts/dossier';
import { exportsContract } from '../../shared/contracts/exports';
import { importsContract } from '../../shared/contracts/imports';
import { jobsContract } from '../../shared/contracts/jobs';
import { manifestContract } from '../../shared/contracts/manifest';
import { planContract } from '../../shared/contracts/plan';
import { reportContract } from '../../shared/contracts/report';
import { reviewContract } from '../../shared/contracts/review';
import { triageContract } from '../../shared/contracts/triage';
import { usageContract } from '../../shared/contracts/usage';
import { workspaceContract } from '../../shared/contracts/workspace';
import type { Handlers } from './dispatcher';
import type { Session } from './session';

/** The handlers of one capability's contract, exactly its methods. */
type HandlersOf<C> = Pick<Handlers, keyof C & MethodName>;

/**
 * One capability of the engine: the methods its contract declares and how to load its handlers.
 * The handlers (and the repositories, parsers and writers behind them) load on the first call of
 * one of its methods, so a host pays only for what it calls: `agent-triage agents` loads discovery
 * and never the scanner's analyzers, the report printer or the import readers.
 */
export interface Capability<M extends MethodName = MethodName> {
  readonly methods: readonly M[];
  load(): Promise<(session: Session) => Partial<Handlers>>;
}

function capability<C extends object>(contract: C, load: () => Promise<(session: Session) => HandlersOf<C>>): Capability<keyof C & MethodName> {
  return { methods: Object.keys(contract) as Array<keyof C & MethodName>, load };
}

/** Every capability; a method of the contract that no entry serves fails the type check below. */
export const CAPABILITIES = [
  capability(appContract, async () => (await import('./handlers/app-handlers')).appHandlers),
  capability(workspaceContract, async () => (await import('./handlers/workspace-handlers')).workspaceHandlers),
  capability(agentsContract, async () => (await import('../agents/agent-handlers')).agentHandlers),
  capability(discoveryContract, async () => (await import('../discovery/discovery-handlers')).discoveryHandlers),
  capability(importsContract, async () => (await import('../imports/import-handlers')).importHandlers),
  capability(blastRadiusContract, async () => (await import('../blast-radius/blast-radius-handlers')).blastRadiusHandlers),
  capability(dossierContract, async () => (await import('../dossier/dossier-handlers')).dossierHandlers),
  capability(usageContract, async () => (await import('../usage/usage-handlers')).usageHandlers),
  capability(triageContract, async () => (await import('../triage/triage-handlers')).triageHandlers),
  capability(planContract, async () => (await import('../plan/plan-handlers')).planHandlers),
  capability(reviewContract, async () => (await import('../review/review-handlers')).reviewHandlers),
  capability(exportsContract, async () => (await import('../exports/export-handlers')).exportHandlers),
  capability(reportContract, async () => (await import('../report/report-handlers')).reportHandlers),
  capability(manifestContract, async () => (await import('../manifest/manifest-handlers')).manifestHandlers),
  capability(jobsContract, async () => (await import('./handlers/job-handlers')).jobHandlers),
] as const;

type Served = (typeof CAPABILITIES)[number]['methods'][number];
/** Fails to compile when a contract method has no capability to serve it. */
const everyMethodServed: [Exclude<MethodName, Served>] extends [never] ? true : { unserved: Exclude<MethodName, Served> } = true;
void everyMethodServed;

/**
 * Resolves a method to its handler, loading its capability once (concurrent first calls share
 * the load). Bound to one session: each engine has its own handlers, as before.
 */
export function lazyHandlers(session: Session): (method: MethodName) => Promise<Handlers[MethodName]> {
  const capabilityOf = new Map<MethodName, Capability>();
  for (const cap of CAPABILITIES) for (const method of cap.methods) capabilityOf.set(method, cap);
  const loaded = new Map<Capability, Promise<Partial<Handlers>>>();
  return async (method) => {
    const cap = capabilityOf.get(method)!;
    let handlers = loaded.get(cap);
    if (!handlers) {
      handlers = cap.load().then((make) => make(session));
      // A failed load (a missing chunk) is not remembered: the next call tries again.
      handlers.catch(() => loaded.delete(cap));
      loaded.set(cap, handlers);
    }
    return (await handlers)[method] as Handlers[MethodName];
  };
}
