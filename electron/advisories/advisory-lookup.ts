import type { AdvisoryMatch, DiscoveredAgent } from '../../shared/discovery';
import { buildAdvisoryIndex } from './advisory-index';
import type { OsvRecord } from './osv-record';

/** The advisories that affect an agent's locked packages, as the UI and exports show them. */
export function advisoryLookupFrom(records: OsvRecord[]): (agent: DiscoveredAgent) => AdvisoryMatch[] {
  const index = buildAdvisoryIndex(records);
  return (agent) =>
    agent.packages.flatMap((pkg) =>
      index.match(pkg).map((m) => ({
        id: m.id,
        aliases: m.aliases,
        summary: m.summary,
        severity: m.severity[0]?.score ?? null,
        package: pkg,
        fixed: m.fixed ?? null,
      })),
    );
}
