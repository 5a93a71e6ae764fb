import { useId } from 'react';
import { ENVIRONMENTS, SENSITIVITIES, type Environment, type Sensitivity } from '../../../../shared/iam';
import { useAppStore } from '../../store/store-context';
import { Select } from '../../ui/fields';
import { ENVIRONMENT_LABELS, SENSITIVITY_LABELS } from './blast-labels';
import { classifiedByText } from './DataSourcesTable';

const RULE = '';
const ENV_OPTIONS: ReadonlyArray<{ value: Environment | typeof RULE; label: string }> = [{ value: RULE, label: 'As the rules say' }, ...ENVIRONMENTS.map((e) => ({ value: e, label: ENVIRONMENT_LABELS[e] }))];
const SENS_OPTIONS: ReadonlyArray<{ value: Sensitivity | typeof RULE; label: string }> = [{ value: RULE, label: 'As the rules say' }, ...SENSITIVITIES.map((s) => ({ value: s, label: SENSITIVITY_LABELS[s] }))];

/**
 * A person's classification of one data source: kept over any rule and across re-imports, and
 * audited. "As the rules say" hands the field back to the rules (null in the contract).
 */
export function ClassificationPanel({ dataSourceKey }: { dataSourceKey: string }) {
  const source = useAppStore((s) => s.dataSources?.find((d) => d.key === dataSourceKey));
  const classify = useAppStore((s) => s.classifyDataSource);
  const busy = useAppStore((s) => s.classifying === dataSourceKey);
  const titleId = useId();
  if (!source) return null;
  const byPerson = source.classifiedBy === 'person';
  return (
    <section className="br-classify" aria-labelledby={titleId}>
      <h3 id={titleId} className="visually-hidden">
        Classification
      </h3>
      <div className="br-classify__fields">
        <Select<Environment | typeof RULE>
          label="Environment"
          value={byPerson ? source.environment : RULE}
          options={ENV_OPTIONS.map((o) => (o.value === RULE && !byPerson ? { ...o, label: `As the rules say (${ENVIRONMENT_LABELS[source.environment]})` } : o))}
          disabled={busy}
          onChange={(v) => void classify(dataSourceKey, { environment: v === RULE ? null : v })}
        />
        <Select<Sensitivity | typeof RULE>
          label="Sensitivity"
          value={byPerson ? source.sensitivity : RULE}
          options={SENS_OPTIONS.map((o) => (o.value === RULE && !byPerson ? { ...o, label: `As the rules say (${SENSITIVITY_LABELS[source.sensitivity]})` } : o))}
          disabled={busy}
          onChange={(v) => void classify(dataSourceKey, { sensitivity: v === RULE ? null : v })}
        />
      </div>
      <p className="br-classify__why">
        <span className="muted">Classified by:</span> {classifiedByText(source)}
        <br />
        <span className="muted">
          {source.provider} {source.service} {source.kind} in <span className="mono">{source.scope || 'an unknown account'}</span>
        </span>
      </p>
    </section>
  );
}
