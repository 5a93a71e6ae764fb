import { useEffect, useId, useState, type FormEvent } from 'react';
import { useAppStore } from '../../store/store-context';
import type { AgentChoice } from '../../store/usage-slice';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { DateField, Select, TextField } from '../../ui/fields';
import { formatDateTime } from '../../ui/format-date';
import { Spinner } from '../../ui/Spinner';
import { dayRangeText, formatCount, formatUsdFine } from './usage-format';

/**
 * What an agent produced over a period (documents reviewed, tickets answered), entered by a
 * person; the engine divides the agent's cost over the same days by it.
 */
export function ProductiveUnitsSection({ agents }: { agents: readonly AgentChoice[] }) {
  const units = useAppStore((s) => s.productiveUnits);
  const loadUnits = useAppStore((s) => s.loadProductiveUnits);
  const deleteUnits = useAppStore((s) => s.deleteProductiveUnits);
  const acting = useAppStore((s) => s.usageActing);
  const firstAgent = agents[0]?.id ?? '';
  const agentId = agents.some((a) => a.id === units.agentId) ? units.agentId : firstAgent;

  useEffect(() => {
    if (agentId && agentId !== units.agentId) void loadUnits(agentId);
  }, [agentId, units.agentId, loadUnits]);

  if (agents.length === 0) return null;
  const agentName = agents.find((a) => a.id === agentId)?.name ?? agentId;
  return (
    <section className="usage-units" aria-labelledby="usage-units-title">
      <div className="usage-units__head">
        <h2 id="usage-units-title" className="usage-section-title">
          Cost per unit of work
        </h2>
        <Select label="of agent" hideLabel value={agentId} options={agents.map((a) => ({ value: a.id, label: a.name }))} onChange={(id) => void loadUnits(id)} className="usage-units__agent" />
      </div>
      <p className="muted">
        What the agent produced over a period (files reviewed, tickets answered): its cost over the same days is divided by it. Many at once: import a CSV with the columns Agent, Unit, From, To and Count.
      </p>
      <UnitsForm key={agentId} agentId={agentId} />
      {units.error && <ErrorBanner title={`Could not read the units of ${agentName}`}>{units.error}</ErrorBanner>}
      {units.loading && !units.data ? (
        <p className="usage-loading" role="status">
          <Spinner /> Reading the units…
        </p>
      ) : units.data && units.data.length > 0 ? (
        <div className="usage-table-scroll">
          <table className="simple-table" aria-label={`Units of work of ${agentName}`}>
            <thead>
              <tr>
                <th scope="col">Unit</th>
                <th scope="col">Period</th>
                <th scope="col" className="usage-num">Count</th>
                <th scope="col" className="usage-num">Cost per unit</th>
                <th scope="col">Entered</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {units.data.map((u) => (
                <tr key={u.id}>
                  <td>{u.unit}</td>
                  <td className="usage-nowrap">{dayRangeText(u.from, u.to)}</td>
                  <td className="usage-num">{formatCount(u.count)}</td>
                  <td className="usage-num">{u.costPerUnitUsd === null ? <span className="usage-unknown">Cost unknown</span> : formatUsdFine(u.costPerUnitUsd)}</td>
                  <td>
                    {u.enteredBy} <span className="muted">{formatDateTime(u.enteredAt)}</span>
                  </td>
                  <td>
                    <Button size="sm" variant="ghost" onClick={() => void deleteUnits(u.id)} disabled={acting === `units-delete:${u.id}`} aria-label={`Delete ${u.unit} of ${dayRangeText(u.from, u.to)}`}>
                      Delete
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No units entered for {agentName} yet.</p>
      )}
    </section>
  );
}

function UnitsForm({ agentId }: { agentId: string }) {
  const acting = useAppStore((s) => s.usageActing);
  const error = useAppStore((s) => s.usageActionError);
  const addUnits = useAppStore((s) => s.addProductiveUnits);
  const period = useAppStore((s) => s.usageOverview.data?.period ?? null);
  const formId = useId();
  const [unit, setUnit] = useState('');
  // Untouched dates follow the imported period, which may land after the form is first drawn.
  const [fromTyped, setFrom] = useState<string | null | undefined>(undefined);
  const [toTyped, setTo] = useState<string | null | undefined>(undefined);
  const from = fromTyped === undefined ? (period?.from ?? null) : fromTyped;
  const to = toTyped === undefined ? (period?.to ?? null) : toTyped;
  const [count, setCount] = useState('');
  const [checked, setChecked] = useState(false);
  const busy = acting === 'units';

  const n = Number(count.replaceAll(/[\s,_]/g, ''));
  const errors = {
    unit: unit.trim() === '' ? 'Name what it produced (e.g. KYC files reviewed)' : null,
    from: from === null ? 'First day' : null,
    to: to === null ? 'Last day' : from !== null && to < from ? 'Ends before it starts' : null,
    count: Number.isInteger(n) && n >= 1 ? null : 'A whole number, 1 or more',
  };
  const invalid = Object.values(errors).some((e) => e !== null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (invalid || from === null || to === null) return;
    if (await addUnits({ agentId, unit: unit.trim(), from, to, count: n })) {
      setUnit('');
      setCount('');
      setChecked(false);
    }
  };

  return (
    <form id={formId} className="usage-units__form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add units of work">
      <TextField label="Unit" value={unit} onChange={setUnit} error={checked ? errors.unit : null} placeholder="e.g. KYC files reviewed" maxLength={100} className="usage-units__unit" />
      <DateField label="From" value={from} onChange={setFrom} error={checked ? errors.from : null} />
      <DateField label="To" value={to} onChange={setTo} error={checked ? errors.to : null} />
      <TextField label="Count" inputMode="numeric" value={count} onChange={setCount} error={checked ? errors.count : null} className="usage-units__count" />
      <Button type="submit" variant="primary" disabled={busy} className="usage-units__add">
        {busy ? 'Adding…' : 'Add'}
      </Button>
      {error && acting === null && checked && <ErrorBanner title="Units not saved">{error}</ErrorBanner>}
    </form>
  );
}
