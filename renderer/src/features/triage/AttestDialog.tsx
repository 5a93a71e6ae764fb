import { useState, type FormEvent } from 'react';
import { CHECKLIST_ITEMS, type ChecklistRow } from '../../../../shared/checklist';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { TextArea } from '../../ui/fields';
import { ATTESTATION_LABELS, type AttestationStatus } from './triage-labels';

type Choice = AttestationStatus | 'withdraw';
const CHOICES: ReadonlyArray<{ value: Choice; label: string; hint: string }> = [
  { value: 'done', label: ATTESTATION_LABELS.done, hint: 'It is in place; a later automatic fail still shows beside your word.' },
  { value: 'not-done', label: ATTESTATION_LABELS['not-done'], hint: 'It is not in place yet.' },
  { value: 'not-applicable', label: ATTESTATION_LABELS['not-applicable'], hint: 'It does not apply to this agent; say why in the note.' },
  { value: 'withdraw', label: 'Withdraw', hint: 'Take back the attestation; the automatic verdict stands alone.' },
];

/** A person's word on one item: done, not done or not applicable with a note, or withdrawn. */
export function AttestDialog({ agentId, row, onClose }: { agentId: string; row: ChecklistRow; onClose: () => void }) {
  const attest = useAppStore((s) => s.attestChecklistItem);
  const saving = useAppStore((s) => s.attesting === row.key);
  const error = useAppStore((s) => s.attestError);
  const clearError = useAppStore((s) => s.clearAttestError);
  const [choice, setChoice] = useState<Choice>(row.attestation?.status ?? 'done');
  const [note, setNote] = useState(row.attestation?.note ?? '');
  const title = CHECKLIST_ITEMS.find((i) => i.key === row.key)?.title ?? row.key;
  const choices = row.attestation ? CHOICES : CHOICES.filter((c) => c.value !== 'withdraw');

  const close = () => {
    clearError();
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await attest({ agentId, key: row.key, status: choice === 'withdraw' ? null : choice, note: choice === 'withdraw' ? '' : note })) close();
  };

  return (
    <Dialog
      title={`Attest: ${title}`}
      onClose={saving ? undefined : close}
      footer={
        <>
          <Button onClick={close} disabled={saving}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="attest-form" disabled={saving}>
            {saving ? 'Saving…' : choice === 'withdraw' ? 'Withdraw' : 'Save attestation'}
          </Button>
        </>
      }
    >
      <form id="attest-form" className="dialog-form" onSubmit={(e) => void submit(e)}>
        {error && <ErrorBanner title="Not saved">{error}</ErrorBanner>}
        <fieldset className="triage-attest__choices">
          <legend className="field__label">Status</legend>
          {choices.map((c) => (
            <label key={c.value} className="triage-attest__choice">
              <input type="radio" name="attest-status" value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} />
              <span>
                <span className="triage-attest__label">{c.label}</span>
                <span className="triage-attest__hint">{c.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {choice !== 'withdraw' && <TextArea label="Note" value={note} onChange={setNote} maxLength={2000} rows={3} hint="What you checked, or why it does not apply." />}
      </form>
    </Dialog>
  );
}
