import { useEffect, useId, useState } from 'react';
import type { CredentialLink, PrincipalSummary } from '../../../../shared/contract';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { TextArea, TextField } from '../../ui/fields';
import { PRINCIPAL_KIND_LABELS } from '../blast-radius/blast-labels';

const HOW_LABELS: Record<CredentialLink['how'], string> = { discovery: 'Found by discovery', registry: 'Named in the registry', person: 'Linked by a person' };
const SEARCH_DEBOUNCE_MS = 200;

const identityLine = (p: { provider: string; principalKind?: keyof typeof PRINCIPAL_KIND_LABELS; kind?: keyof typeof PRINCIPAL_KIND_LABELS; scope: string }) =>
  `${p.provider.toUpperCase()} ${PRINCIPAL_KIND_LABELS[(p.principalKind ?? p.kind)!]}${p.scope ? ` · ${p.scope}` : ''}`;

/** The cloud identities an agent holds (what the blast radius starts from), the app's suggestions, and linking by hand. */
export function CloudIdentitiesPanel({ agentId }: { agentId: string }) {
  const state = useAppStore((s) => (s.credentialLinks?.agentId === agentId ? s.credentialLinks : null));
  const busy = useAppStore((s) => s.linkBusy);
  const link = useAppStore((s) => s.linkCredential);
  const [unlinking, setUnlinking] = useState<CredentialLink | null>(null);
  const [searching, setSearching] = useState(false);
  const titleId = useId();
  const value = state?.value;
  return (
    <section className="cloud-ids" aria-labelledby={titleId}>
      <div className="cloud-ids__head">
        <div>
          <h2 id={titleId}>Cloud identities</h2>
          <p className="form-section__hint">The IAM users, roles and service accounts this agent’s credentials authenticate as: where its blast radius starts.</p>
        </div>
        {!searching && (
          <Button size="sm" onClick={() => setSearching(true)}>
            Link an identity…
          </Button>
        )}
      </div>
      {state?.error && <ErrorBanner title="Could not read the linked identities">{state.error}</ErrorBanner>}
      {!state?.error && !value && <p className="muted">Reading…</p>}
      {value && (
        <>
          {value.links.length === 0 ? (
            <p className="muted">No cloud identity is linked to this agent yet. Link a suggestion below or search the imported identities.</p>
          ) : (
            <ul className="cloud-ids__list" aria-label="Linked identities">
              {value.links.map((l) => (
                <li key={l.principalKey} className="cloud-ids__item">
                  <div className="cloud-ids__main">
                    <span className="cloud-ids__name" title={l.principalKey}>
                      {l.principalName}
                    </span>
                    <span className="muted">{identityLine(l)}</span>
                    <span className="cloud-ids__meta">
                      <Badge tone={l.how === 'person' ? 'accent' : 'neutral'}>{HOW_LABELS[l.how]}</Badge>
                      <span>{l.credential}</span>
                    </span>
                    {l.reason && <span className="muted">{l.reason}</span>}
                    {l.sharedWith.length > 0 && (
                      <div className="cloud-ids__shared" role="note">
                        <Badge tone="warning">Shared credential</Badge>
                        <ul>
                          {l.sharedWith.map((s, i) => (
                            <li key={`${s.name}#${i}`}>
                              Also held by {s.kind === 'agent' ? 'agent' : 'non-agent system'} <strong>{s.name}</strong>
                              {s.evidence && <span className="muted"> ({s.evidence})</span>}
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                  </div>
                  <Button size="sm" onClick={() => setUnlinking(l)} disabled={busy === l.principalKey} aria-label={`Unlink ${l.principalName}`}>
                    Unlink…
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {value.suggestions.length > 0 && (
            <div className="cloud-ids__suggestions">
              <h3>Suggestions</h3>
              <ul className="cloud-ids__list" aria-label="Suggested identities">
                {value.suggestions.map((s) => (
                  <li key={s.principalKey} className="cloud-ids__item">
                    <div className="cloud-ids__main">
                      <span className="cloud-ids__name" title={s.principalKey}>
                        {s.principalName}
                      </span>
                      <span className="muted">{identityLine(s)}</span>
                      <span>{s.reason}</span>
                    </div>
                    <Button size="sm" variant="primary" disabled={busy === s.principalKey} onClick={() => void link(agentId, s.principalKey, s.reason)} aria-label={`Link ${s.principalName}`}>
                      Link
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {searching && <ManualLink agentId={agentId} linkedKeys={new Set(value?.links.map((l) => l.principalKey))} onDone={() => setSearching(false)} />}
      {unlinking && <UnlinkDialog agentId={agentId} link={unlinking} onClose={() => setUnlinking(null)} />}
    </section>
  );
}

function ManualLink({ agentId, linkedKeys, onDone }: { agentId: string; linkedKeys: ReadonlySet<string>; onDone: () => void }) {
  const results = useAppStore((s) => s.principalResults);
  const error = useAppStore((s) => s.principalSearchError);
  const search = useAppStore((s) => s.searchPrincipals);
  const clear = useAppStore((s) => s.clearPrincipalSearch);
  const link = useAppStore((s) => s.linkCredential);
  const busy = useAppStore((s) => s.linkBusy);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => void search(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, search]);
  useEffect(() => clear, [clear]);

  const choose = async (p: PrincipalSummary) => {
    if (await link(agentId, p.key, reason.trim() || 'linked by hand')) onDone();
  };

  return (
    <div className="cloud-ids__manual" role="group" aria-label="Link an identity by hand">
      <div className="cloud-ids__manual-fields">
        <TextField label="Search imported identities" type="search" value={text} onChange={setText} placeholder="Role, user or service account name" autoFocus />
        <TextField label="Why this identity (kept in the audit log)" value={reason} onChange={setReason} placeholder="e.g. the Lambda’s execution role" />
      </div>
      {error && <ErrorBanner>{error}</ErrorBanner>}
      {results && results.length === 0 && <p className="muted">No imported identity matches.</p>}
      {results && results.length > 0 && (
        <ul className="cloud-ids__list cloud-ids__results" aria-label="Matching identities">
          {results.slice(0, 50).map((p) => (
            <li key={p.key} className="cloud-ids__item">
              <div className="cloud-ids__main">
                <span className="cloud-ids__name" title={p.key}>
                  {p.name}
                </span>
                <span className="muted">
                  {identityLine(p)} · reaches {p.dataSourceCount} {p.dataSourceCount === 1 ? 'data source' : 'data sources'}
                  {p.agents.length > 0 ? ` · held by ${p.agents.map((a) => a.name).join(', ')}` : ''}
                </span>
              </div>
              <Button size="sm" disabled={linkedKeys.has(p.key) || busy === p.key} onClick={() => void choose(p)} aria-label={`Link ${p.name}`}>
                {linkedKeys.has(p.key) ? 'Linked' : 'Link'}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button size="sm" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

function UnlinkDialog({ agentId, link, onClose }: { agentId: string; link: CredentialLink; onClose: () => void }) {
  const unlink = useAppStore((s) => s.unlinkCredential);
  const busy = useAppStore((s) => s.linkBusy === link.principalKey);
  const [reason, setReason] = useState('');
  const confirm = async () => {
    if (await unlink(agentId, link.principalKey, reason)) onClose();
  };
  return (
    <Dialog
      title={`Unlink ${link.principalName}?`}
      size="sm"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" disabled={busy || reason.trim() === ''} onClick={() => void confirm()}>
            Unlink
          </Button>
        </>
      }
    >
      <p>
        {link.how === 'person'
          ? 'The link made by hand is removed.'
          : 'The automatic link is overruled and kept as a decision, so a re-import does not bring it back.'}{' '}
        The agent’s blast radius no longer goes through this identity.
      </p>
      <TextArea label="Why (kept in the audit log)" value={reason} onChange={setReason} rows={3} autoFocus />
    </Dialog>
  );
}
