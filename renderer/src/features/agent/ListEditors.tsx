import { DATA_ACCESS_LEVELS } from '../../../../shared/agent';
import { Button } from '../../ui/Button';
import { Select, TextField } from '../../ui/fields';
import type { CredentialRow, DataAccessRow } from './agent-form-model';

type AccessChoice = DataAccessRow['access'];
const ACCESS_OPTIONS: Array<{ value: AccessChoice; label: string }> = [
  ...DATA_ACCESS_LEVELS.map((value) => ({ value, label: value === 'read' ? 'Read' : 'Write' })),
  { value: 'other', label: 'Other…' },
];
// Rows added in this session focus themselves; rows loaded with the agent do not steal focus.
const newRowKey = () => `new-${crypto.randomUUID()}`;

export function DataAccessEditor({
  rows,
  onChange,
  errors,
}: {
  rows: readonly DataAccessRow[];
  onChange: (rows: DataAccessRow[]) => void;
  errors: Record<string, string>;
}) {
  const update = (key: string, change: Partial<DataAccessRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <div className="list-editor">
      {rows.length === 0 ? (
        <p className="muted">No data sources recorded.</p>
      ) : (
        <ul className="list-editor__rows">
          {rows.map((row, i) => {
            const name = row.source.trim() || `data source ${i + 1}`;
            return (
              <li key={row.key} className="list-editor__row">
                <TextField
                  className="list-editor__main"
                  label={`Data source ${i + 1}`}
                  hideLabel
                  placeholder="e.g. payments-db.invoices"
                  value={row.source}
                  onChange={(source) => update(row.key, { source })}
                  error={errors[`dataAccess.${i}.source`]}
                  autoFocus={row.key.startsWith('new-')}
                />
                <Select<AccessChoice>
                  label={`Access to ${name}`}
                  hideLabel
                  value={row.access}
                  options={ACCESS_OPTIONS}
                  onChange={(access) => update(row.key, { access })}
                  error={row.access === 'other' ? undefined : errors[`dataAccess.${i}.access`]}
                />
                {row.access === 'other' && (
                  <TextField
                    className="list-editor__other"
                    label={`Other access to ${name}`}
                    hideLabel
                    placeholder="e.g. send, publish, delete"
                    value={row.otherAccess}
                    onChange={(otherAccess) => update(row.key, { otherAccess })}
                    error={errors[`dataAccess.${i}.access`]}
                  />
                )}
                <Button variant="ghost" size="sm" aria-label={`Remove ${name}`} onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <div>
        <Button size="sm" onClick={() => onChange([...rows, { key: newRowKey(), source: '', access: 'read', otherAccess: '' }])}>
          Add data source
        </Button>
      </div>
    </div>
  );
}

export function CredentialsEditor({
  rows,
  onChange,
  errors,
}: {
  rows: readonly CredentialRow[];
  onChange: (rows: CredentialRow[]) => void;
  errors: Record<string, string>;
}) {
  return (
    <div className="list-editor">
      {rows.length === 0 ? (
        <p className="muted">No credentials recorded.</p>
      ) : (
        <ul className="list-editor__rows">
          {rows.map((row, i) => {
            const name = row.name.trim() || `credential ${i + 1}`;
            return (
              <li key={row.key} className="list-editor__row">
                <TextField
                  className="list-editor__main"
                  label={`Credential ${i + 1}`}
                  hideLabel
                  placeholder="e.g. IAM role invoice-agent"
                  value={row.name}
                  onChange={(value) => onChange(rows.map((r) => (r.key === row.key ? { ...r, name: value } : r)))}
                  error={errors[`credentials.${i}`]}
                  autoFocus={row.key.startsWith('new-')}
                />
                <Button variant="ghost" size="sm" aria-label={`Remove ${name}`} onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <div>
        <Button size="sm" onClick={() => onChange([...rows, { key: newRowKey(), name: '' }])}>
          Add credential
        </Button>
      </div>
    </div>
  );
}
