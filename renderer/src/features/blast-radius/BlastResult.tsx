import { useId } from 'react';
import type { BlastRadius } from '../../../../shared/blast-radius';
import { ACCESS_LEVEL_LABELS } from '../../../../shared/iam';
import { hrefOf, type BlastRadiusSubject } from '../../app/routes';
import { subjectKeyOf } from '../../store/blast-radius-slice';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { SENSITIVITY_LABELS } from './blast-labels';
import { ClassificationPanel } from './ClassificationPanel';
import { BlastGraph } from './graph/BlastGraph';
import { CanvasStoreProvider, useCanvas, type ResultView } from './graph/canvas-store';
import { PathTable } from './PathTable';
import { Spinner } from '../../ui/Spinner';
import { Tabs } from '../../ui/Tabs';

export function BlastResult({ subject }: { subject: BlastRadiusSubject | null }) {
  const blast = useAppStore((s) => s.blast);
  if (!subject) {
    return (
      <section className="blast-result">
        <EmptyState title="Pick an agent, or a data source">
          <p>Pick an agent on the left to see the credentials it holds, the cloud identities they authenticate as, the roles those can assume, and every data source they reach.</p>
          <p>Or open the Data sources tab and pick one to see every agent that can reach it.</p>
        </EmptyState>
      </section>
    );
  }
  const current = blast?.subjectKey === subjectKeyOf(subject) ? blast : null;
  if (current?.error) {
    return (
      <section className="blast-result">
        <ErrorBanner title="Could not compute the blast radius">{current.error}</ErrorBanner>
      </section>
    );
  }
  if (!current?.radius) {
    return (
      <section className="blast-result" aria-busy="true">
        <p className="blast-result__loading" role="status">
          <Spinner /> Computing the blast radius…
        </p>
      </section>
    );
  }
  // A new answer (after an import, a link or a classification) starts a new canvas.
  return <Result key={`${current.subjectKey}#${current.radius.nodes.length}:${current.radius.edges.length}:${current.radius.paths.length}`} radius={current.radius} subject={subject} />;
}

function Result({ radius, subject }: { radius: BlastRadius; subject: BlastRadiusSubject }) {
  const titleId = useId();
  const openFileImport = useAppStore((s) => s.openFileImport);
  const dataSources = new Set(radius.paths.map((p) => p.dataSourceKey)).size;
  const agents = new Set(radius.paths.map((p) => p.agentId)).size;
  const summary = radius.focus.kind === 'agent' ? `${radius.paths.length} ${radius.paths.length === 1 ? 'path' : 'paths'} to ${dataSources} ${dataSources === 1 ? 'data source' : 'data sources'}` : `${agents} ${agents === 1 ? 'agent' : 'agents'} over ${radius.paths.length} ${radius.paths.length === 1 ? 'path' : 'paths'}`;
  const agentPage = subject.kind === 'agent' ? hrefOf({ page: 'agent', agentId: subject.agentId }) : null;
  return (
    <section className="blast-result" aria-labelledby={titleId}>
      <header className="blast-result__header">
        <div>
          <h2 id={titleId}>
            {radius.focus.kind === 'agent' ? 'What ' : 'Who can reach '}
            <span className="blast-result__name">{radius.focus.name}</span>
            {radius.focus.kind === 'agent' ? ' can reach' : ''}
          </h2>
          <p className="muted">
            {summary}
            {agentPage && (
              <>
                {' · '}
                <a href={agentPage}>Agent page</a>
              </>
            )}
          </p>
        </div>
        {radius.summary.length > 0 && (
          <ul className="blast-result__summary" aria-label="Data sources by sensitivity and access">
            {radius.summary.map((s) => (
              <li key={`${s.sensitivity}:${s.access}`} className={`blast-chip blast-chip--${s.sensitivity}`}>
                <strong>{s.count}</strong> {SENSITIVITY_LABELS[s.sensitivity]} · {ACCESS_LEVEL_LABELS[s.access]}
              </li>
            ))}
          </ul>
        )}
      </header>
      {subject.kind === 'data-source' && <ClassificationPanel dataSourceKey={subject.key} />}
      {radius.gaps.length > 0 && radius.paths.length === 0 ? (
        <EmptyState
          title={radius.focus.kind === 'agent' ? 'Nothing to draw yet' : 'No agent reaches this data source'}
          actions={
            <>
              <Button variant="primary" onClick={openFileImport}>
                Import files…
              </Button>
              {agentPage && (
                <a className="button button--secondary button--md" href={agentPage}>
                  Link an identity on the agent page
                </a>
              )}
            </>
          }
        >
          <ul className="blast-result__gaps">
            {radius.gaps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </EmptyState>
      ) : radius.paths.length === 0 ? (
        <EmptyState title={radius.focus.kind === 'agent' ? 'This agent reaches no imported data source' : 'No agent reaches this data source'}>
          <p>None of the imported grants joins these identities to a data source.</p>
        </EmptyState>
      ) : (
        <CanvasStoreProvider radius={radius}>
          {radius.gaps.length > 0 && (
            <div className="blast-result__partial" role="note">
              <strong>Some of the picture is missing:</strong>
              <ul>
                {radius.gaps.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            </div>
          )}
          <ResultViews name={radius.focus.name} />
        </CanvasStoreProvider>
      )}
    </section>
  );
}

const VIEWS: ReadonlyArray<{ key: ResultView; label: string }> = [
  { key: 'graph', label: 'Graph' },
  { key: 'table', label: 'Table' },
];

function ResultViews({ name }: { name: string }) {
  const view = useCanvas((s) => s.resultView);
  const setView = useCanvas((s) => s.setResultView);
  const paths = useCanvas((s) => s.radius.paths);
  const tabs = VIEWS.map((v) => ({ key: v.key, label: v.key === 'table' ? `${v.label} (${paths.length})` : v.label }));
  return (
    <Tabs label="Show the paths as" size="sm" tabs={tabs} selected={view} onSelect={setView} panelClassName="blast-result__view">
      {view === 'graph' ? <BlastGraph subjectName={name} /> : <PathTable />}
    </Tabs>
  );
}
