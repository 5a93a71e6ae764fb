import type { UsageKey } from '../../../../shared/contract';
import { useAppStore } from '../../store/store-context';
import { keyIdOf, type KeyOwner } from '../../store/usage-slice';
import { Button } from '../../ui/Button';
import { Select, type SelectOption } from '../../ui/fields';

const NOBODY = '';
const APPLICATION = '\u0000application';

/**
 * "Whose key?": a person says which agent a key belongs to, or that it is the application's (not
 * an agent), or undoes what was said. Tags on a call still win over this; the engine audits it.
 */
export function WhoseKeyControl({ usageKey }: { usageKey: UsageKey }) {
  const agents = useAppStore((s) => s.usageAgents);
  const acting = useAppStore((s) => s.usageActing);
  const mapUsageKey = useAppStore((s) => s.mapUsageKey);
  const busy = acting === `key:${keyIdOf(usageKey)}`;
  const mapping = usageKey.mapping;
  const value = mapping?.application ? APPLICATION : (mapping?.agentId ?? NOBODY);

  const options: SelectOption<string>[] = [
    { value: NOBODY, label: mapping ? 'Nobody (undo)' : 'Not said yet' },
    { value: APPLICATION, label: 'Application (not an agent)' },
    ...(agents ?? []).map((a) => ({ value: a.id, label: a.name })),
  ];
  // An agent mapped before the list loaded (or since deleted) is still shown as what was said.
  if (mapping?.agentId && !options.some((o) => o.value === mapping.agentId)) options.push({ value: mapping.agentId, label: mapping.agentId });

  const choose = (choice: string) => {
    const owner: KeyOwner = choice === NOBODY ? null : choice === APPLICATION ? { application: true } : { agentId: choice };
    void mapUsageKey(usageKey, owner);
  };

  return (
    <div className="usage-whose">
      <Select label={`Whose key is ${usageKey.keyId}?`} hideLabel value={value} options={options} onChange={choose} disabled={busy || agents === null} className="usage-whose__select" />
      {mapping && (
        <Button size="sm" variant="ghost" onClick={() => void mapUsageKey(usageKey, null)} disabled={busy} title={`Said by ${mapping.by}`}>
          Undo
        </Button>
      )}
    </div>
  );
}
