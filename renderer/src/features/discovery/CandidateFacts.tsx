import type { AdvisoryMatch, CandidateDetail, CredentialReference, Evidence as EvidenceData, PackageVersion, UsageEvidence } from '../../../../shared/discovery';
import { hrefOf } from '../../app/routes';
import { costText, formatCount, formatDay } from '../../domain/agent-activity';
import { TRIGGER_LABELS } from '../../domain/agent-labels';
import { Badge } from '../../ui/Badge';
import {
  CAPABILITY_EXPLANATIONS,
  CAPABILITY_LABELS,
  CAPABILITY_TONES,
  CREDENTIAL_KIND_LABELS,
  ENDPOINT_PURPOSE_LABELS,
  GUARDRAIL_KIND_LABELS,
  LINK_RELATION_LABELS,
  providerName,
  UNTRUSTED_INPUT_EXPLANATIONS,
  UNTRUSTED_INPUT_LABELS,
} from './discovery-labels';
import { Evidence, Fact, FactSection } from './Evidence';

/** Every finding of one candidate, each with the evidence a reviewer needs to trust it. */
export function CandidateFacts({ candidate: c }: { candidate: CandidateDetail }) {
  // Found in usage logs, not in code: its evidence is what it spent, and the code sections would all be empty.
  if (c.usage) return <UsageFacts usage={c.usage} />;
  const extraEntryPoints = c.entryPoints.filter((p) => !c.codeFiles.includes(p));
  // One framework is often imported in several files: one finding, each place as evidence.
  const frameworks = evidenceByName(c.frameworks.map((f) => [f.framework, f.evidence]));
  return (
    <div className="candidate-facts">
      <FactSection title="Trigger" emptyText="">
        <Fact evidence={c.trigger.evidence} note="No file says what starts it; the trigger is inferred from the kind of unit.">
          <strong>{TRIGGER_LABELS[c.trigger.kind]}</strong>
          {c.trigger.description && <span>{c.trigger.description}</span>}
          {c.trigger.schedule && <code className="fact__code">{c.trigger.schedule}</code>}
        </Fact>
      </FactSection>

      {c.remoteAgent && (
        <FactSection title="Remote agent" emptyText="">
          <Fact evidence={c.remoteAgent.evidence}>
            <strong>{REMOTE_PLATFORM_LABELS[c.remoteAgent.platform] ?? c.remoteAgent.platform}</strong>
            {c.remoteAgent.name ? <code className="fact__code fact__code--strong">{c.remoteAgent.name}</code> : <span className="muted">name not written in the code</span>}
            {c.remoteAgent.url && <code className="fact__code">{c.remoteAgent.url}</code>}
            <span className="muted">this code starts runs of an agent deployed there; it is a trigger of that agent, not an agent</span>
          </Fact>
        </FactSection>
      )}

      {(c.links?.length ?? 0) > 0 && (
        <FactSection title="Linked items" count={c.links!.length} emptyText="">
          {c.links!.map((link) => (
            <Fact key={`${link.relation}:${link.identityKey}`} evidence={link.evidence}>
              <span className="fact__kind">{LINK_RELATION_LABELS[link.relation]}</span>
              <a href={hrefOf({ page: 'candidate', identityKey: link.identityKey })}>{link.name}</a>
            </Fact>
          ))}
        </FactSection>
      )}

      <FactSection title="LLM use" count={c.llm.length} emptyText="No LLM client or API call seen in the code this unit runs.">
        {c.llm.map((l, i) => (
          <Fact key={i} evidence={l.evidence}>
            <strong>{providerName(l.provider)}</strong>
            <code className="fact__code">{l.sdk}</code>
            {l.models.length > 0 ? (
              <span className="tags">
                {l.models.map((m) => (
                  <span key={m} className="tag mono">
                    {m}
                  </span>
                ))}
              </span>
            ) : (
              <span className="muted">model not written in the code</span>
            )}
          </Fact>
        ))}
      </FactSection>

      {(c.chainedComponents?.length ?? 0) > 0 && (
        <FactSection title="Chained LLM components" count={c.chainedComponents!.length} emptyText="">
          {c.chainedComponents!.map((part, i) => (
            <Fact key={i} evidence={part.evidence}>
              <code className="fact__code fact__code--strong">{part.name}</code>
              <span className="mono muted">{part.path}</span>
              {[...new Set(part.llm.map((l) => providerName(l.provider)))].map((p) => (
                <strong key={p}>{p}</strong>
              ))}
              <span className="tags">
                {[...new Set(part.llm.flatMap((l) => l.models))].map((m) => (
                  <span key={m} className="tag mono">
                    {m}
                  </span>
                ))}
              </span>
            </Fact>
          ))}
        </FactSection>
      )}

      <FactSection title="Frameworks" count={frameworks.length} emptyText="No agent framework seen: the code calls the provider SDK directly, if at all.">
        {frameworks.map(([framework, evidence]) => (
          <li key={framework} className="fact">
            <div className="fact__what">
              <strong>{framework}</strong>
              {evidence.length > 1 && <span className="muted">seen in {evidence.length} places</span>}
            </div>
            {evidence.map((e, i) => (
              <Evidence key={i} evidence={e} />
            ))}
          </li>
        ))}
      </FactSection>

      <FactSection title="Tools" count={c.tools.length} emptyText="No tool definitions seen.">
        {c.tools.map((t, i) => (
          <Fact key={i} evidence={t.evidence}>
            <code className="fact__code fact__code--strong">{t.name}</code>
            {t.capabilities.length > 0 ? (
              <span className="tags">
                {t.capabilities.map((k) => (
                  <Badge key={k} tone={CAPABILITY_TONES[k]} title={CAPABILITY_EXPLANATIONS[k]}>
                    {CAPABILITY_LABELS[k]}
                  </Badge>
                ))}
              </span>
            ) : (
              <span className="muted">no capability seen in its body</span>
            )}
          </Fact>
        ))}
      </FactSection>

      {c.mcpServers && (
        <FactSection title="MCP servers" count={c.mcpServers.length} emptyText="The configuration lists no server.">
          {c.mcpServers.map((server) => (
            <Fact key={`${server.name}@${server.evidence.path}:${server.evidence.line}`} evidence={server.evidence}>
              <code className="fact__code fact__code--strong">{server.name}</code>
              {server.url ? <code className="fact__code">{server.url}</code> : <code className="fact__code">{[server.command ?? '', ...server.args].join(' ').trim()}</code>}
              <span className="muted">{server.url ? 'reached by URL' : 'launched on this machine'}</span>
              {server.env && server.env.length > 0 && (
                <span className="muted">
                  given <code>{server.env.join(', ')}</code>
                </span>
              )}
            </Fact>
          ))}
        </FactSection>
      )}

      <FactSection title="Capabilities" count={c.capabilities.length} emptyText="No shell, network, data, messaging, file or payment access seen.">
        {c.capabilities.map((cap, i) => (
          <Fact key={i} evidence={cap.evidence}>
            <Badge tone={CAPABILITY_TONES[cap.kind]} title={CAPABILITY_EXPLANATIONS[cap.kind]}>
              {CAPABILITY_LABELS[cap.kind]}
            </Badge>
            <code className="fact__code">{cap.detail}</code>
            {cap.tool && (
              <span className="muted">
                in tool <code>{cap.tool}</code>
              </span>
            )}
          </Fact>
        ))}
      </FactSection>

      {/* Candidates stored before untrusted inputs were detected have none recorded: say so rather than "none seen". */}
      <FactSection
        title="Untrusted inputs"
        count={c.untrustedInputs?.length ?? 0}
        emptyText={c.untrustedInputs ? 'No email, ticket, issue comment, chat message, web page or document from outside seen.' : 'Not checked in this scan: scan again to see what outside content it reads.'}
      >
        {(c.untrustedInputs ?? []).map((input, i) => (
          <Fact key={i} evidence={input.evidence}>
            <Badge tone="warning" title={UNTRUSTED_INPUT_EXPLANATIONS[input.kind]}>
              {UNTRUSTED_INPUT_LABELS[input.kind]}
            </Badge>
            <code className="fact__code">{input.detail}</code>
            {input.tool && (
              <span className="muted">
                in tool <code>{input.tool}</code>
              </span>
            )}
          </Fact>
        ))}
      </FactSection>

      <FactSection title="Credentials" count={c.credentials.length} emptyText="No credential reference seen.">
        {c.credentials.map((cred, i) => (
          <Fact key={i} evidence={cred.evidence}>
            <span className="fact__kind">{CREDENTIAL_KIND_LABELS[cred.kind]}</span>
            <code className="fact__code fact__code--strong">{cred.name}</code>
            {cred.provider && <span className="muted">{providerName(cred.provider)}</span>}
            <SecretFingerprint credential={cred} />
          </Fact>
        ))}
      </FactSection>

      <FactSection title="Endpoints" count={c.endpoints.length} emptyText="No external host seen.">
        {c.endpoints.map((e, i) => (
          <Fact key={i} evidence={e.evidence}>
            <code className="fact__code fact__code--strong">{e.host}</code>
            <Badge tone="neutral">{ENDPOINT_PURPOSE_LABELS[e.purpose]}</Badge>
          </Fact>
        ))}
      </FactSection>

      <FactSection title="Guardrails" count={c.guardrails.length} emptyText="No input validation, human approval, tracing, token limit, output filter or injection scan seen.">
        {c.guardrails.map((g, i) => (
          <Fact key={i} evidence={g.evidence}>
            <strong>{GUARDRAIL_KIND_LABELS[g.kind]}</strong>
            <span>{g.detail}</span>
          </Fact>
        ))}
      </FactSection>

      <FactSection title="Packages" count={c.packages.length} emptyText="No lockfile or pinned requirements seen for this unit.">
        <li className="fact fact--table">
          <PackageTable packages={c.packages} />
        </li>
      </FactSection>

      <FactSection title="Advisories" count={c.advisories.length} emptyText="No known advisory for the locked package versions.">
        {c.advisories.map((a) => (
          <AdvisoryFact key={`${a.id}:${a.package.name}`} advisory={a} />
        ))}
      </FactSection>

      <FactSection title="Code files" count={c.codeFiles.length + extraEntryPoints.length} emptyText="No code file was linked to this unit.">
        <li className="fact">
          <ul className="code-files">
            {c.codeFiles.map((path) => (
              <li key={path} className="mono">
                {path}
                {c.entryPoints.includes(path) && (
                  <Badge tone="accent" title="Where a run starts">
                    entry point
                  </Badge>
                )}
              </li>
            ))}
            {extraEntryPoints.map((path) => (
                <li key={path} className="mono">
                  {path} <Badge tone="accent">entry point</Badge>
                </li>
              ))}
          </ul>
        </li>
      </FactSection>
    </div>
  );
}

const REMOTE_PLATFORM_LABELS: Record<string, string> = {
  'langgraph-platform': 'LangGraph Platform deployment',
  'openai-assistants': 'OpenAI assistant',
  temporal: 'Temporal workflow',
  'bedrock-agentcore': 'Bedrock AgentCore runtime',
  letta: 'Letta agent',
};

function evidenceByName(found: ReadonlyArray<readonly [string, EvidenceData]>): Array<[string, EvidenceData[]]> {
  const byName = new Map<string, EvidenceData[]>();
  for (const [name, evidence] of found) byName.set(name, [...(byName.get(name) ?? []), evidence]);
  return [...byName];
}

/**
 * A secret found in a file is known only by its fingerprint (keyed to this workspace) and, for a
 * known key format, its public prefix and length: the engine never has the value, nor any of its
 * characters, to send.
 */
function SecretFingerprint({ credential }: { credential: CredentialReference }) {
  // Facts stored before previews existed have none.
  const preview = credential.preview ?? null;
  if (!preview && !credential.fingerprint) return null;
  return (
    <span className="secret" title="The value is not stored: only a fingerprint keyed to this workspace, and for known key formats the public prefix and length">
      {preview && !credential.name.includes(preview) && <code>{preview}</code>}
      {credential.fingerprint && (
        <span className="muted">
          fingerprint <code>{credential.fingerprint.slice(0, 12)}</code>
        </span>
      )}
    </span>
  );
}

function PackageTable({ packages }: { packages: readonly PackageVersion[] }) {
  return (
    <table className="simple-table">
      <thead>
        <tr>
          <th scope="col">Package</th>
          <th scope="col">Ecosystem</th>
          <th scope="col">Lockfile</th>
        </tr>
      </thead>
      <tbody>
        {packages.map((p) => (
          <tr key={`${p.ecosystem}:${p.name}@${p.version}:${p.lockfile}`}>
            <td className="mono">
              {p.name}@{p.version}
            </td>
            <td>{p.ecosystem}</td>
            <td className="mono">{p.lockfile}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AdvisoryFact({ advisory: a }: { advisory: AdvisoryMatch }) {
  return (
    <li className="fact advisory">
      <div className="fact__what">
        <strong className="mono">{a.id}</strong>
        {a.severity && <Badge tone="danger">{a.severity}</Badge>}
        {a.aliases.length > 0 && <span className="muted mono">{a.aliases.join(', ')}</span>}
      </div>
      <p className="advisory__summary">{a.summary}</p>
      <p className="advisory__package">
        <span className="mono">
          {a.package.name}@{a.package.version}
        </span>{' '}
        <span className="muted">
          in <span className="mono">{a.package.lockfile}</span>
        </span>
        {' · '}
        {a.fixed ? (
          <span>
            fixed in <span className="mono">{a.fixed}</span>
          </span>
        ) : (
          <span className="muted">no fixed version named</span>
        )}
      </p>
    </li>
  );
}

/** A key or an agent tag seen in imported usage that nobody accounts for: what it spent, on what, when, and in which files. */
function UsageFacts({ usage: u }: { usage: UsageEvidence }) {
  return (
    <div className="candidate-facts">
      <FactSection title="Seen in usage" emptyText="">
        <li className="fact">
          <dl className="usage-evidence">
            <dt>Provider</dt>
            <dd>{providerName(u.provider)}</dd>
            {u.keyId !== null && (
              <>
                <dt>API key</dt>
                <dd>
                  <code className="fact__code fact__code--strong">{u.keyId}</code>
                </dd>
              </>
            )}
            {u.agentTag !== null && (
              <>
                <dt>Agent tag</dt>
                <dd>
                  <code className="fact__code fact__code--strong">{u.agentTag}</code>
                </dd>
              </>
            )}
            <dt>Cost</dt>
            <dd>
              <strong className={u.unpricedTokens > 0 && u.costUsd === 0 ? 'muted' : 'usage-evidence__cost'}>{costText(u)}</strong>
              {u.unpricedTokens > 0 && <span className="muted"> · no price for {formatCount(u.unpricedTokens)} of its tokens</span>}
            </dd>
            <dt>Tokens</dt>
            <dd title={u.tokens.toLocaleString()}>{formatCount(u.tokens)}</dd>
            <dt>Requests</dt>
            <dd>{u.requests.toLocaleString()}</dd>
            <dt>First seen</dt>
            <dd>{formatDay(u.firstDay, true)}</dd>
            <dt>Last seen</dt>
            <dd>{formatDay(u.lastDay, true)}</dd>
          </dl>
        </li>
      </FactSection>

      <FactSection title="Models" count={u.models.length} emptyText="The usage names no model.">
        <li className="fact">
          <span className="tags tags--wrap">
            {u.models.map((m) => (
              <span key={m} className="tag mono">
                {m}
              </span>
            ))}
          </span>
        </li>
      </FactSection>

      <FactSection title="Usage files" count={u.files.length} emptyText="The import that showed it has been deleted.">
        <li className="fact">
          <ul className="code-files">
            {u.files.map((f) => (
              <li key={f} className="mono">
                {f}
              </li>
            ))}
          </ul>
        </li>
      </FactSection>
    </div>
  );
}
