import { useEffect, useId, useMemo, useState } from 'react';
import type { RuleInfo } from '../../../../shared/discovery';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { TextField } from '../../ui/fields';
import { formatConfidence } from './discovery-labels';
import { plural } from './scan-progress';

const matches = (rule: RuleInfo, text: string) =>
  text === '' || [rule.id, rule.description, rule.category, ...rule.languages].some((v) => v.toLowerCase().includes(text));

/** The rule pack the scanner runs, with a per-workspace switch for each rule. */
export function RulesPanel() {
  const rules = useAppStore((s) => s.rules);
  const error = useAppStore((s) => s.rulesError);
  const saving = useAppStore((s) => s.rulesSaving);
  const loadRules = useAppStore((s) => s.loadRules);
  const workspacePath = useAppStore((s) => s.workspace?.path);
  const setRuleEnabled = useAppStore((s) => s.setRuleEnabled);
  const [text, setText] = useState('');

  // Which rules are off is stored per workspace.
  useEffect(() => {
    if (workspacePath) void loadRules();
  }, [loadRules, workspacePath]);

  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return [...(rules ?? [])].filter((r) => matches(r, needle)).sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
  }, [rules, text]);
  const disabledCount = rules?.filter((r) => !r.enabled).length ?? 0;

  return (
    <div className="rules-panel">
      <div className="rules-panel__bar">
        <TextField
          className="rules-panel__search"
          type="search"
          label="Search rules"
          hideLabel
          placeholder="Search rules"
          value={text}
          onChange={setText}
          spellCheck={false}
        />
        {rules && (
          <p className="muted">
            {plural(rules.length, 'rule')}, {disabledCount.toLocaleString()} turned off in this workspace. Changes apply to the next scan.
          </p>
        )}
      </div>
      {error && (
        <ErrorBanner title="Rules">
          {error}{' '}
          <Button size="sm" onClick={() => void loadRules()}>
            Reload rules
          </Button>
        </ErrorBanner>
      )}
      {rules && (
        <div className="rules-panel__table">
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">Enabled</th>
                <th scope="col">Rule</th>
                <th scope="col">Category</th>
                <th scope="col">Languages</th>
                <th scope="col">Confidence</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((rule) => (
                <RuleRow key={rule.id} rule={rule} saving={saving.includes(rule.id)} onToggle={(enabled) => void setRuleEnabled(rule.id, enabled)} />
              ))}
              {shown.length === 0 && (
                <tr>
                  <td colSpan={6} className="muted">
                    No rule matches “{text.trim()}”.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function RuleRow({ rule, saving, onToggle }: { rule: RuleInfo; saving: boolean; onToggle: (enabled: boolean) => void }) {
  const idCell = useId();
  return (
    <tr className={rule.enabled ? undefined : 'rules-panel__off'}>
      <td>
        <label className="rules-panel__switch">
          <input type="checkbox" checked={rule.enabled} disabled={saving} aria-describedby={idCell} onChange={(e) => onToggle(e.target.checked)} />
          <span className="visually-hidden">Enabled</span>
        </label>
      </td>
      <td id={idCell} className="mono rules-panel__id">
        {rule.id}
      </td>
      <td>{rule.category}</td>
      <td className="rules-panel__languages">{rule.languages.join(', ')}</td>
      <td className="mono">{formatConfidence(rule.confidence)}</td>
      <td>{rule.description}</td>
    </tr>
  );
}
