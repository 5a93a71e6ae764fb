import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { AGENT_STATUSES, TRIGGER_KINDS } from '../../../../shared/agent';
import type { AgentDetail } from '../../../../shared/contract';
import { completenessOf, flagsOf, registrySnapshotOf, todayIso } from '../../../../shared/registry';
import { setLeaveGuard } from '../../app/leave-guard';
import { navigate } from '../../app/routes';
import { STATUS_LABELS, STATUS_TONES, TRIGGER_LABELS } from '../../domain/agent-labels';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { DateField, Select, TextArea, TextField } from '../../ui/fields';
import { Breadcrumb } from './Breadcrumb';
import { AuditLog, CompletenessCard, FlagsCard } from './AgentSidePanel';
import { BlastRadiusCard } from './BlastRadiusCard';
import { CloudIdentitiesPanel } from './CloudIdentitiesPanel';
import { UsageCard } from './UsageCard';
import { draftOf, emptyFormValues, fieldErrorsOf, fieldsOf, formValuesOf, patchOf, type AgentFormValues } from './agent-form-model';
import { CredentialsEditor, DataAccessEditor } from './ListEditors';

const STATUS_OPTIONS = AGENT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
const TRIGGER_OPTIONS = TRIGGER_KINDS.map((value) => ({ value, label: TRIGGER_LABELS[value] }));
/** Error paths the form shows next to a control; anything else is listed in the banner so no error is silently dropped. */
const FORM_PATH =
  /^(name|status|vendor|environment|description|trigger\.(kind|schedule)|dataAccess\.\d+\.(source|access)|credentials\.\d+|owner\.(name|email)|lastReviewed|rollback\.(procedure|lastRehearsed))$/;

const SAVE_SHORTCUT = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘S' : 'Ctrl+S';

/** A new agent's form counts as edited once anything differs from the empty form. */
const hasEdits = (values: AgentFormValues) => JSON.stringify(values) !== JSON.stringify(emptyFormValues());

/** `review`: the review panel and drift card, shown under the agent's name. */
export function AgentEditor({ agent, review }: { agent: AgentDetail | null; review?: ReactNode }) {
  const [values, setValues] = useState<AgentFormValues>(() => (agent ? formValuesOf(agent) : emptyFormValues()));
  const [today] = useState(todayIso);
  const audit = useAppStore((s) => s.agentAudit);
  const saving = useAppStore((s) => s.agentSaving);
  const saveError = useAppStore((s) => s.agentSaveError);
  const saveAgent = useAppStore((s) => s.saveAgent);
  const clearSaveError = useAppStore((s) => s.clearAgentSaveError);
  const notify = useAppStore((s) => s.notify);
  const formId = useId();

  const patch = agent ? patchOf(agent, values) : null;
  const dirty = agent ? Object.keys(patch ?? {}).length > 0 : hasEdits(values);
  const fieldErrors = fieldErrorsOf(saveError);
  const unplacedErrors = Object.entries(fieldErrors).filter(([path]) => !FORM_PATH.test(path));
  const snapshot = registrySnapshotOf(fieldsOf(values));

  const set =
    <K extends keyof AgentFormValues>(key: K) =>
    (value: AgentFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  /** Saves what the form holds; resolves to the saved agent or null (the errors are then on the form). */
  const persist = async (): Promise<AgentDetail | null> => {
    if (agent) {
      const changes = patchOf(agent, valuesRef.current);
      if (Object.keys(changes).length === 0) return agent;
      const updated = await saveAgent({ id: agent.id, patch: changes });
      if (updated) notify('success', `Saved ${updated.name}`);
      return updated;
    }
    const created = await saveAgent({ draft: draftOf(valuesRef.current) });
    if (created) notify('success', `Created ${created.name}`);
    return created;
  };

  /** Set once the edits are saved or discarded on the way out, until the form shows the next version. */
  const saved = useRef(false);
  const valuesRef = useRef(values);
  const persistRef = useRef(persist);
  useEffect(() => {
    valuesRef.current = values;
    persistRef.current = persist;
  });
  // Any edit after a save or discard is a new unsaved change.
  useEffect(() => {
    saved.current = false;
  }, [values]);

  const save = async () => {
    if (saving) return;
    const result = await persistRef.current();
    if (!result) return;
    // The form stays mounted until the saved version arrives; nothing in it is unsaved any more.
    saved.current = true;
    if (!agent) void navigate({ page: 'agent', agentId: result.id }, { replace: true });
  };

  const discard = () => {
    setValues(agent ? formValuesOf(agent) : emptyFormValues());
    clearSaveError();
  };

  const cancel = () => {
    discard();
    if (!agent) {
      saved.current = true; // Cancel on a new agent is the person's own "discard and leave".
      void navigate({ page: 'inventory' });
    }
  };

  // Leaving with unsaved edits asks first (links, Back, workspace switch, closing the window).
  useEffect(
    () =>
      setLeaveGuard({
        hasUnsavedChanges: () => !saved.current && (agent ? Object.keys(patchOf(agent, valuesRef.current)).length > 0 : hasEdits(valuesRef.current)),
        save: async () => {
          const result = await persistRef.current();
          if (result) saved.current = true;
          return result !== null;
        },
        discard: () => {
          // Settled until the form renders again: the page is being left right after this.
          saved.current = true;
          setValues(agent ? formValuesOf(agent) : emptyFormValues());
          clearSaveError();
        },
      }),
    [agent, clearSaveError],
  );

  // Ctrl+S / Cmd+S saves, as in every editor; the browser's "save page" is never what is meant here.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (document.querySelector('dialog[open]')) return;
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="page agent-page">
      <Breadcrumb current={agent?.name ?? 'New agent'} />
      <header className="agent-page__header">
        <h1>{agent?.name ?? 'New agent'}</h1>
        {agent && <Badge tone={STATUS_TONES[agent.status]}>{STATUS_LABELS[agent.status]}</Badge>}
        {agent && dirty && (
          <Badge tone="warning">Unsaved changes</Badge>
        )}
      </header>
      {review}

      {saveError && (
        <ErrorBanner title="Not saved" onDismiss={clearSaveError}>
          {Object.keys(fieldErrors).length > 0 ? 'Correct the fields marked below and save again.' : saveError.message}
          {unplacedErrors.map(([path, message]) => (
            <span key={path} className="agent-page__unplaced">
              {path}: {message}
            </span>
          ))}
        </ErrorBanner>
      )}

      <div className="agent-page__layout">
        <div className="agent-page__main">
          <form
            id={formId}
            className="agent-form"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void save();
            }}
            noValidate
          >
            <FormSection title="Agent">
              <div className="agent-form__grid">
                <TextField label="Name" value={values.name} onChange={set('name')} error={fieldErrors.name} required autoFocus={!agent} />
                <Select label="Status" value={values.status} options={STATUS_OPTIONS} onChange={set('status')} error={fieldErrors.status} />
                <TextField label="Vendor" value={values.vendor} onChange={set('vendor')} error={fieldErrors.vendor} hint="“internal”, or who supplies it" />
                <TextField
                  label="Environment"
                  value={values.environment}
                  onChange={set('environment')}
                  error={fieldErrors.environment}
                  hint="e.g. prod, staging"
                />
              </div>
              <TextArea label="Description" value={values.description} onChange={set('description')} error={fieldErrors.description} rows={3} />
            </FormSection>

            <FormSection title="Trigger" hint="What starts a run: a schedule, a webhook, a person, an event, or another agent.">
              <div className="agent-form__grid">
                <Select label="Trigger kind" value={values.triggerKind} options={TRIGGER_OPTIONS} onChange={set('triggerKind')} error={fieldErrors['trigger.kind']} />
                <TextField
                  label="Schedule"
                  value={values.schedule}
                  onChange={set('schedule')}
                  error={fieldErrors['trigger.schedule']}
                  placeholder="e.g. 0 2 * * * or /hooks/invoice"
                  spellCheck={false}
                />
              </div>
            </FormSection>

            <FormSection title="Data access scope" hint="Every data store the agent touches, and whether it only reads or also writes.">
              <DataAccessEditor rows={values.dataAccess} onChange={set('dataAccess')} errors={fieldErrors} />
            </FormSection>

            <FormSection title="Credentials" hint="Name each credential the agent uses (role, service account, API key name); never paste the secret itself.">
              <CredentialsEditor rows={values.credentials} onChange={set('credentials')} errors={fieldErrors} />
            </FormSection>

            <FormSection title="Owner" hint="One accountable person who can be reached, not a team or a channel.">
              <div className="agent-form__grid">
                <TextField label="Owner name" value={values.ownerName} onChange={set('ownerName')} error={fieldErrors['owner.name']} autoComplete="off" />
                <TextField label="Owner email" type="email" value={values.ownerEmail} onChange={set('ownerEmail')} error={fieldErrors['owner.email']} autoComplete="off" />
              </div>
            </FormSection>

            <FormSection title="Review and rollback">
              <div className="agent-form__grid">
                <DateField label="Last reviewed" value={values.lastReviewed} onChange={set('lastReviewed')} error={fieldErrors.lastReviewed} />
                <DateField
                  label="Rollback last rehearsed"
                  value={values.rollbackLastRehearsed}
                  onChange={set('rollbackLastRehearsed')}
                  error={fieldErrors['rollback.lastRehearsed']}
                />
              </div>
              <TextArea
                label="Rollback procedure"
                value={values.rollbackProcedure}
                onChange={set('rollbackProcedure')}
                error={fieldErrors['rollback.procedure']}
                hint="How to stop the agent and undo what it did, step by step."
                rows={4}
              />
            </FormSection>

            {agent && Object.keys(agent.notes).length > 0 && (
              <FormSection title="Notes" hint="Columns from an imported spreadsheet that the registry has no field for, kept as written.">
                <dl className="agent-notes">
                  {Object.entries(agent.notes).map(([key, value]) => (
                    <div key={key} className="agent-notes__item">
                      <dt>{key}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                </dl>
              </FormSection>
            )}

            {/* Last in the form, so Tab from the last field reaches it; sticky, so it is in view however long the form. */}
            <div className="agent-form__actions" role="group" aria-label="Save or cancel">
              <span className={dirty ? 'agent-form__state agent-form__state--dirty' : 'agent-form__state'} aria-live="polite">
                {saving ? 'Saving…' : dirty ? 'Unsaved changes' : agent ? 'All changes saved' : 'Fill in at least a name'}
              </span>
              <kbd className="agent-form__shortcut" title="Saves from anywhere on the page">
                {SAVE_SHORTCUT}
              </kbd>
              <Button onClick={cancel} disabled={saving || (!!agent && !dirty)} title={agent ? 'Discard the changes and show what is saved' : 'Back to the inventory without creating an agent'}>
                Cancel
              </Button>
              <Button type="submit" variant="primary" disabled={!dirty || saving}>
                {saving ? 'Saving…' : agent ? 'Save' : 'Create agent'}
              </Button>
            </div>
          </form>
          {agent && <CloudIdentitiesPanel agentId={agent.id} />}
        </div>

        <aside className="agent-side" aria-label="Registry status">
          {agent && <BlastRadiusCard agentId={agent.id} />}
          {agent && <UsageCard agentId={agent.id} />}
          <CompletenessCard completeness={completenessOf(snapshot)} />
          <FlagsCard flags={flagsOf(snapshot, today)} />
          <AuditLog entries={agent ? audit : []} isNew={!agent} />
        </aside>
      </div>
    </div>
  );
}

function FormSection({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <section className="form-section" aria-labelledby={titleId}>
      <div className="form-section__heading">
        <h2 id={titleId}>{title}</h2>
        {hint && <p className="form-section__hint">{hint}</p>}
      </div>
      <div className="form-section__body">{children}</div>
    </section>
  );
}
