import { useId, useMemo, useState, type ReactNode } from 'react';
import type { RegistryImportPreview, RegistryPreviewRow, RegistryRowAction, RegistryRowError } from '../../../../shared/contract';
import { describeRowMatch } from '../../../../shared/registry-import';
import { agentFieldLabel, importColumnLabel } from '../../domain/agent-labels';
import { canSkipInvalidRows } from '../../store/file-imports-slice';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Select } from '../../ui/fields';
import './registry-preview.css';

/** Enough to fix a file by; a spreadsheet with thousands of bad rows usually has one bad column. */
const ERRORS_SHOWN = 500;
/** Rows drawn at once (a 10,000-row sheet stays quick); the filter narrows a big file to what needs a look. */
const ROWS_SHOWN = 500;

/**
 * A registry file's part of the Import dialog: what each row does (create, update, unchanged or
 * error), its match, changed fields, warnings and errors by row and column, and the explicit
 * choice to leave out the rows with errors.
 */
export function RegistryPreview({
  preview,
  skipInvalid,
  disabled,
  onSkipInvalidChange,
}: {
  preview: RegistryImportPreview;
  skipInvalid: boolean;
  disabled: boolean;
  onSkipInvalidChange: (skip: boolean) => void;
}) {
  const hasErrors = preview.errors.length > 0;
  const skippable = canSkipInvalidRows(preview);
  const toWrite = preview.totals.create + preview.totals.update;
  return (
    <>
      <RegistryRows
        preview={preview}
        skipInvalid={skippable && skipInvalid}
        // Right under the totals, so the choice is in view on a small screen without scrolling past the rows.
        choice={hasErrors ? <SkipChoice preview={preview} skippable={skippable} checked={skipInvalid} disabled={disabled} onChange={onSkipInvalidChange} toWrite={toWrite} /> : null}
      />
      {!hasErrors && toWrite === 0 && <p className="muted">Every row already matches the workspace; importing changes no agent.</p>}
    </>
  );
}

/** Rows with errors are never left out silently: the person ticks this, and the request names them. */
function SkipChoice({
  preview,
  skippable,
  checked,
  disabled,
  onChange,
  toWrite,
}: {
  preview: RegistryImportPreview;
  skippable: boolean;
  checked: boolean;
  disabled: boolean;
  onChange: (skip: boolean) => void;
  toWrite: number;
}) {
  const rows = preview.invalidRows;
  if (!skippable) {
    return (
      <p className="registry-preview__blocked" role="alert">
        The header row has problems that skipping rows cannot fix. Fix the file and choose it again; nothing has been written.
      </p>
    );
  }
  const listed = rows.length <= 12 ? rows.join(', ') : `${rows.slice(0, 12).join(', ')} and ${rows.length - 12} more`;
  return (
    <div className="registry-preview__skip">
      <label className="registry-preview__skip-choice">
        <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
        <span>
          Skip the {rows.length === 1 ? 'row' : `${rows.length} rows`} with errors ({rows.length === 1 ? 'row' : 'rows'} {listed}) and import the other{' '}
          {toWrite === 1 ? 'agent' : `${toWrite} agents`}
        </span>
      </label>
      {!checked && <p className="registry-preview__blocked">Fix the rows with errors and choose the file again, or skip them; nothing has been written.</p>}
    </div>
  );
}

type RowFilter = 'all' | 'problems' | 'create' | 'update' | 'unchanged';
const FILTER_OPTIONS: Array<{ value: RowFilter; label: string }> = [
  { value: 'all', label: 'All rows' },
  { value: 'problems', label: 'Rows with errors or warnings' },
  { value: 'create', label: 'Rows that create an agent' },
  { value: 'update', label: 'Rows that update an agent' },
  { value: 'unchanged', label: 'Unchanged rows' },
];
const matchesFilter = (row: RegistryPreviewRow, filter: RowFilter) =>
  filter === 'all' || (filter === 'problems' ? row.errors.length > 0 || row.warnings.length > 0 : row.action === filter);

function RegistryRows({ preview, skipInvalid, choice }: { preview: RegistryImportPreview; skipInvalid: boolean; choice: ReactNode }) {
  const { totals } = preview;
  const [filter, setFilter] = useState<RowFilter>('all');
  const shown = useMemo(() => preview.rows.filter((r) => matchesFilter(r, filter)), [preview.rows, filter]);
  const invalid = new Set(preview.invalidRows);
  const headerErrors = preview.errors.filter((e) => !invalid.has(e.row));
  const rowsTitleId = useId();
  return (
    <>
      <section className="registry-preview__section" aria-label={`Summary of ${preview.fileName}`}>
        <dl className="import-totals">
          <Total label="Rows" value={totals.rows} />
          <Total label="To create" value={totals.create} />
          <Total label="To update" value={totals.update} />
          <Total label="Unchanged" value={totals.unchanged} />
          <Total label="Warnings" value={totals.warnings} tone={totals.warnings > 0 ? 'warning' : undefined} />
          <Total label={skipInvalid ? 'Skipped' : 'With errors'} value={totals.invalid} tone={totals.invalid > 0 && !skipInvalid ? 'danger' : undefined} />
        </dl>
      </section>
      {headerErrors.length > 0 && <RowErrors title="Header row problems" errors={headerErrors} />}
      {choice}
      <section className="registry-preview__section" aria-labelledby={rowsTitleId}>
        <div className="registry-preview__rows-head">
          <h3 id={rowsTitleId}>
            Rows <span className="muted">({preview.rows.length})</span>
          </h3>
          <Select<RowFilter> label="Show" hideLabel value={filter} options={FILTER_OPTIONS} onChange={setFilter} />
        </div>
        <div className="registry-preview__rows">
          <table className="simple-table" aria-label="What each row does">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Agent</th>
                <th scope="col">Action</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, ROWS_SHOWN).map((row) => (
                <PreviewRow key={row.row} row={row} skipped={skipInvalid && row.action === 'invalid'} />
              ))}
              {shown.length === 0 && (
                <tr>
                  <td colSpan={4} className="muted">
                    No rows to show.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {shown.length > ROWS_SHOWN && (
          <p className="muted">
            Showing the first {ROWS_SHOWN} of {shown.length} rows; choose a filter to narrow them.
          </p>
        )}
      </section>
      <details className="registry-preview__section registry-preview__columns">
        <summary>Column mapping ({preview.columns.length} columns)</summary>
        <table className="simple-table">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Registry field</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c, i) => (
              <tr key={`${i}:${c.header}`}>
                <td>{c.header}</td>
                <td>{c.field === null ? <span className="muted">kept as note</span> : importColumnLabel(c.field)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

const ACTION_BADGES: Record<RegistryRowAction, { label: string; tone: BadgeTone }> = {
  create: { label: 'Create', tone: 'success' },
  update: { label: 'Update', tone: 'accent' },
  unchanged: { label: 'Unchanged', tone: 'muted' },
  invalid: { label: 'Error', tone: 'danger' },
};

function PreviewRow({ row, skipped }: { row: RegistryPreviewRow; skipped: boolean }) {
  const badge = skipped ? { label: 'Skipped', tone: 'neutral' as const } : ACTION_BADGES[row.action];
  return (
    <tr className={`import-row import-row--${row.action}`}>
      <td className="mono">{row.row}</td>
      <td>{row.name || <span className="muted">(no name)</span>}</td>
      <td>
        <Badge tone={badge.tone}>{badge.label}</Badge>
      </td>
      <td>
        <div className="import-row__details">
          <span className="muted">{describeRowMatch(row.match)}</span>
          {row.action === 'update' && <span>Changes: {row.changedFields.map(agentFieldLabel).join(', ')}</span>}
          {row.errors.map((e, i) => (
            <RowProblem key={`e${i}`} kind="error" problem={e} />
          ))}
          {row.warnings.map((w, i) => (
            <RowProblem key={`w${i}`} kind="warning" problem={w} />
          ))}
        </div>
      </td>
    </tr>
  );
}

function RowProblem({ kind, problem }: { kind: 'error' | 'warning'; problem: RegistryRowError }) {
  return (
    <span className={`import-row__problem import-row__problem--${kind}`}>
      <strong>{kind === 'error' ? 'Error' : 'Warning'}</strong>
      {problem.column ? <> in “{problem.column}”</> : null}: {problem.message}
    </span>
  );
}

function Total({ label, value, tone }: { label: string; value: number; tone?: 'danger' | 'warning' }) {
  return (
    <div className={tone ? `import-totals__item import-totals__item--${tone}` : 'import-totals__item'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function RowErrors({ title, errors }: { title: string; errors: readonly RegistryRowError[] }) {
  const shown = errors.slice(0, ERRORS_SHOWN);
  return (
    <section className="registry-preview__section">
      <h3>
        {title} <span className="muted">({errors.length})</span>
      </h3>
      <div className="registry-preview__errors">
        <table className="simple-table">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              <tr key={i}>
                <td className="mono">{e.row}</td>
                <td>{e.column || <span className="muted">whole row</span>}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > shown.length && (
        <p className="muted">
          Showing the first {shown.length} of {errors.length} problems.
        </p>
      )}
    </section>
  );
}
