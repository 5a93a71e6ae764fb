import type { ReactNode } from 'react';
import type { Evidence as EvidenceData } from '../../../../shared/discovery';
import { Badge } from '../../ui/Badge';
import { formatConfidence, isLowConfidence } from './discovery-labels';

export const locationOf = (e: Pick<EvidenceData, 'path' | 'line'>): string => (e.line > 0 ? `${e.path}:${e.line}` : e.path);

/**
 * Where a fact was seen. The snippet comes from a scanned file, so it is rendered as text in a
 * <pre>, never as markup: a hostile repository cannot inject anything into the page.
 */
export function Evidence({ evidence }: { evidence: EvidenceData }) {
  return (
    <div className="evidence">
      <div className="evidence__meta">
        <span className="mono evidence__location" title={evidence.line > 0 ? undefined : 'About the whole file'}>
          {locationOf(evidence)}
        </span>
        <span className="evidence__rule">
          rule <code>{evidence.ruleId}</code>
        </span>
        <span className={isLowConfidence(evidence.confidence) ? 'evidence__confidence muted' : 'evidence__confidence'}>
          confidence <span className="mono">{formatConfidence(evidence.confidence)}</span>
        </span>
        {isLowConfidence(evidence.confidence) && <Badge tone="muted">low confidence</Badge>}
      </div>
      {evidence.snippet && (
        <pre className="evidence__snippet">
          <code>{evidence.snippet}</code>
        </pre>
      )}
    </div>
  );
}

/** One finding: what was found on the first line, then its evidence. */
export function Fact({ children, evidence, note }: { children: ReactNode; evidence?: EvidenceData | null; note?: ReactNode }) {
  return (
    <li className="fact">
      <div className="fact__what">{children}</div>
      {evidence ? <Evidence evidence={evidence} /> : note && <p className="fact__note">{note}</p>}
    </li>
  );
}

/** A titled group of findings; says plainly when the scan saw none. */
export function FactSection({ title, count, emptyText, children }: { title: string; count?: number; emptyText: string; children: ReactNode }) {
  const id = `facts-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className="fact-section" aria-labelledby={id}>
      <h2 id={id} className="fact-section__title">
        {title} {count !== undefined && <span className="fact-section__count">{count}</span>}
      </h2>
      {count === 0 ? <p className="fact-section__empty">{emptyText}</p> : <ul className="fact-list">{children}</ul>}
    </section>
  );
}
