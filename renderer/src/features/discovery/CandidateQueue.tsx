import { useId, useMemo } from 'react';
import { UNIT_KINDS, type CandidateSummary, type UnitKind } from '../../../../shared/discovery';
import { navigate } from '../../app/routes';
import { DEFAULT_CANDIDATE_FILTER, type CandidateDecisionFilter } from '../../store/discovery-slice';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { ChipList } from '../../ui/ChipList';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { TextField } from '../../ui/fields';
import {
  CLASSIFICATION_EXPLANATIONS,
  CLASSIFICATION_LABELS,
  CLASSIFICATION_TONES,
  DECISION_LABELS,
  DECISION_TONES,
  formatConfidence,
  isLowConfidence,
  providerName,
  triggerText,
  UNIT_KIND_HEADINGS,
} from './discovery-labels';
import { capabilityChips } from './capability-chips';
import { ChoiceChips } from './ChoiceChips';
import { plural } from './scan-progress';

const DECISION_FILTERS: ReadonlyArray<{ value: CandidateDecisionFilter; label: string }> = [
  { value: 'pending', label: 'Pending' },
  { value: 'confirmed', label: 'Confirmed' },
  { value: 'dismissed', label: 'Dismissed' },
  { value: 'merged', label: 'Merged' },
  { value: 'all', label: 'All' },
];

const ROW_HEIGHT = 32;
/** A group taller than this scrolls inside its own table, so one big group does not bury the others. */
const MAX_GROUP_ROWS = 14;

/** What a reviewer decides on comes first (capabilities, trigger, advisories, decision); at 1024 px confidence, LLM stack and unit scroll into view sideways. */
const COLUMNS: readonly Column<CandidateSummary, never>[] = [
  {
    key: 'name',
    header: 'Name',
    minWidth: 190,
    grow: 2,
    render: (c) => (
      <>
        <span className={isLowConfidence(c.confidence) ? 'cell-text candidate-name muted' : 'cell-text candidate-name'} title={c.name}>
          {c.name}
        </span>
        {c.change === 'new' && <Badge tone="accent">New</Badge>}
        {c.change === 'changed' && <Badge tone="warning">Changed</Badge>}
        {isLowConfidence(c.confidence) && (
          <Badge tone="muted" title="Found only in tests, docs or examples, or by a weak rule">
            low confidence
          </Badge>
        )}
      </>
    ),
  },
  {
    key: 'capabilities',
    header: 'Capabilities',
    minWidth: 170,
    grow: 1.5,
    render: (c) =>
      c.capabilities.length === 0 ? (
        <span className="muted">None seen</span>
      ) : (
        <ChipList label="Capabilities" chips={capabilityChips(c.capabilities)} />
      ),
  },
  {
    key: 'trigger',
    header: 'Trigger',
    minWidth: 160,
    grow: 1.5,
    render: (c) => (
      <span className="cell-text" title={[triggerText(c.trigger), c.trigger.schedule].filter(Boolean).join('\n')}>
        {triggerText(c.trigger)}
      </span>
    ),
  },
  {
    key: 'classification',
    header: 'Type',
    // Wide enough for the longest badge, "Remote caller".
    minWidth: 116,
    render: (c) => (
      <Badge tone={CLASSIFICATION_TONES[c.classification]} title={CLASSIFICATION_EXPLANATIONS[c.classification]}>
        {CLASSIFICATION_LABELS[c.classification]}
      </Badge>
    ),
  },
  {
    key: 'advisories',
    header: 'Advisories',
    minWidth: 96,
    render: (c) =>
      c.advisoryCount > 0 ? (
        <Badge tone="danger" title={`${plural(c.advisoryCount, 'known advisory', 'known advisories')} for its locked package versions`}>
          {plural(c.advisoryCount, 'advisory', 'advisories')}
        </Badge>
      ) : (
        <span className="muted">0</span>
      ),
  },
  {
    key: 'decision',
    header: 'Decision',
    minWidth: 88,
    render: (c) => (
      <Badge tone={DECISION_TONES[c.decision]} title={c.reason || undefined}>
        {DECISION_LABELS[c.decision]}
      </Badge>
    ),
  },
  {
    key: 'confidence',
    header: 'Conf.',
    minWidth: 56,
    render: (c) => (
      <span className={isLowConfidence(c.confidence) ? 'mono muted' : 'mono'} title="Confidence: how sure the rules are (0–1)">
        {formatConfidence(c.confidence)}
      </span>
    ),
  },
  {
    key: 'stack',
    header: 'LLM stack',
    minWidth: 150,
    grow: 1,
    render: (c) => {
      const stack = [...c.providers.map(providerName), ...c.frameworks];
      return stack.length === 0 ? (
        <span className="muted">None seen</span>
      ) : (
        <span className="tags" title={stack.join(', ')}>
          {stack.map((name) => (
            <span key={name} className="tag">
              {name}
            </span>
          ))}
        </span>
      );
    },
  },
  {
    key: 'unit',
    header: 'Unit',
    minWidth: 120,
    grow: 1,
    render: (c) => (
      <span className="cell-text mono muted" title={`${c.unit.path} (${c.unit.name})\nin ${c.sourceRoot}`}>
        {c.unit.path}
      </span>
    ),
  },
];

const keyOf = (c: CandidateSummary) => c.identityKey;
const openCandidate = (c: CandidateSummary) => navigate({ page: 'candidate', identityKey: c.identityKey });

export function CandidateQueue() {
  const list = useAppStore((s) => s.candidateList);
  const error = useAppStore((s) => s.candidatesError);
  const loading = useAppStore((s) => s.candidatesLoading);
  const filter = useAppStore((s) => s.candidateFilter);
  const loadCandidates = useAppStore((s) => s.loadCandidates);
  const setDecision = useAppStore((s) => s.setCandidateDecisionFilter);
  const setText = useAppStore((s) => s.setCandidateSearchText);

  // Examples (workflows in docs, test copies) are listed last, apart from the deployed units of the same kind.
  const groups = useMemo(() => {
    const byGroup = new Map<QueueGroup, CandidateSummary[]>();
    for (const c of list?.candidates ?? []) {
      const group: QueueGroup = c.classification === 'example' ? 'example' : c.unit.kind;
      byGroup.set(group, [...(byGroup.get(group) ?? []), c]);
    }
    return [...UNIT_KINDS, 'example' as const].flatMap((group) => {
      const rows = byGroup.get(group);
      return rows ? [{ group, rows }] : [];
    });
  }, [list]);

  const nothingScanned = list !== null && list.scans.length === 0 && list.candidates.length === 0;
  const filtering = filter.decision !== DEFAULT_CANDIDATE_FILTER.decision || filter.text.trim() !== '';
  const decisionLabel = filter.decision === 'all' ? '' : `${DECISION_LABELS[filter.decision].toLowerCase()} `;

  return (
    <div className="candidate-queue">
      {error && (
        <ErrorBanner title="Could not load the candidates">
          {error}{' '}
          <Button size="sm" onClick={() => void loadCandidates()}>
            Try again
          </Button>
        </ErrorBanner>
      )}
      {nothingScanned && !filtering ? (
        <EmptyState title="No candidates yet: add a repository folder and press Scan">
          <p>
            The scan reads code, CI workflows, Kubernetes and Terraform files and MCP client configs, and lists every deployable unit that calls an LLM, with the evidence
            for each finding. Nothing it reads is run.
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="candidate-filters" role="search" aria-label="Filter candidates">
            <ChoiceChips legend="Decision" options={DECISION_FILTERS} value={filter.decision} onChange={setDecision} />
            <TextField
              className="candidate-filters__search"
              type="search"
              label="Search candidates"
              hideLabel
              placeholder="Search candidates"
              value={filter.text}
              onChange={setText}
              spellCheck={false}
            />
            {list && (
              <p className="candidate-filters__count" aria-live="polite">
                {plural(list.candidates.length, `${decisionLabel}candidate`)}
              </p>
            )}
          </div>
          {list && groups.length === 0 && (
            <p className="candidate-queue__none" aria-busy={loading || undefined}>
              {filter.text.trim() ? `No ${decisionLabel}candidates match “${filter.text.trim()}”.` : `No ${decisionLabel}candidates.`}{' '}
              {filter.decision !== 'all' && (
                <Button size="sm" variant="ghost" onClick={() => setDecision('all')}>
                  Show all decisions
                </Button>
              )}
            </p>
          )}
          {groups.map((g) => (
            <CandidateGroup key={g.group} group={g.group} rows={g.rows} busy={loading} />
          ))}
        </>
      )}
    </div>
  );
}

type QueueGroup = UnitKind | 'example';

function CandidateGroup({ group, rows, busy }: { group: QueueGroup; rows: readonly CandidateSummary[]; busy: boolean }) {
  const headingId = useId();
  const heading = group === 'example' ? 'Examples and test copies (not deployed)' : UNIT_KIND_HEADINGS[group];
  // Header row + rows + borders: the table is exactly as tall as its rows, up to a cap.
  const height = (Math.min(rows.length, MAX_GROUP_ROWS) + 1) * ROW_HEIGHT + 2;
  return (
    <section className="candidate-group" aria-labelledby={headingId}>
      <h2 id={headingId} className="candidate-group__heading">
        {heading} <span className="candidate-group__count">{rows.length}</span>
      </h2>
      <div className="candidate-group__table" style={{ height }}>
        <DataTable label={heading} rows={rows} columns={COLUMNS} rowKey={keyOf} onOpen={openCandidate} busy={busy} />
      </div>
    </section>
  );
}
