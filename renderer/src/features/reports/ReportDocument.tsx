import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { ANSWER_QUESTION_LABELS, ANSWER_QUESTIONS, answeredCount } from '../../../../shared/answer-card';
import { CHECKLIST_ITEMS, RISK_TIERS, type Verdict } from '../../../../shared/checklist';
import { REPORT_SECTION_LABELS, type ExecutiveReport, type ReportSection } from '../../../../shared/report';
import { formatDate } from '../../ui/format-date';
import { BurnUpChart } from '../plan/BurnUpChart';
import { RiskMatrix } from '../triage/RiskMatrix';
import { scoreText } from '../triage/triage-labels';
import { formatCount, formatShare, formatTokensCompact, formatUsd, formatUsdCompact } from '../usage/usage-format';
import { headlineFigures } from './report-view';
import './report.css';

const H48 = CHECKLIST_ITEMS.filter((i) => i.key.startsWith('h48.'));
const VERDICT_MARK: Record<Verdict, string> = { pass: '✓', fail: '✗', unknown: '?' };
const COST_BARS = 12;

/**
 * The executive report laid out for paper (A4): the same component draws the Reports page's
 * preview and the print route both printers load. Every section starts on a new page; rows,
 * cards and charts never break across pages, and table headers repeat on every page.
 */
export function ReportDocument({ report, sections }: { report: ExecutiveReport; sections: readonly ReportSection[] }) {
  const numbered: ReportSection[] = sections.filter((s) => s !== 'cover');
  const number = (s: ReportSection) => numbered.indexOf(s) + 1;
  return (
    <article className="report-doc" aria-label="Executive report">
      {sections.map((section) => {
        switch (section) {
          case 'cover':
            return <Cover key={section} report={report} sections={numbered} />;
          case 'summary':
            return <Summary key={section} report={report} n={number(section)} />;
          case 'risk-matrix':
            return <Matrix key={section} report={report} n={number(section)} />;
          case 'top-risks':
            return <TopRisks key={section} report={report} n={number(section)} />;
          case 'checklist':
            return <Checklist key={section} report={report} n={number(section)} />;
          case 'plan':
            return <Plan key={section} report={report} n={number(section)} />;
          case 'cost':
            return <Cost key={section} report={report} n={number(section)} />;
          case 'appendix':
            return <Appendix key={section} report={report} n={number(section)} />;
        }
      })}
    </article>
  );
}

function SectionTitle({ n, section }: { n: number; section: ReportSection }) {
  return (
    <h2 className="report-doc__title">
      <span className="report-doc__number">{n}</span> {REPORT_SECTION_LABELS[section]}
    </h2>
  );
}

/** What is missing for this section, each saying which import or step fills it. */
function Gaps({ report, section }: { report: ExecutiveReport; section: ReportSection }) {
  const gaps = report.gaps[section];
  if (!gaps || gaps.length === 0) return null;
  return (
    <ul className="report-doc__gaps" aria-label="What is missing">
      {gaps.map((g) => (
        <li key={g}>{g}</li>
      ))}
    </ul>
  );
}

function Cover({ report, sections }: { report: ExecutiveReport; sections: ReportSection[] }) {
  const { settings } = report;
  return (
    <section className="report-doc__page report-cover" aria-label="Cover">
      <p className="report-cover__marking">{settings.confidentiality}</p>
      <div className="report-cover__body">
        <p className="report-cover__kicker">Executive report · AI agents in production</p>
        <h1 className="report-cover__title">{settings.engagement}</h1>
        <dl className="report-cover__facts">
          <dt>Client</dt>
          <dd>{settings.client === '' ? 'Not named yet (set it on the Reports page)' : settings.client}</dd>
          <dt>Date</dt>
          <dd>{formatDate(report.generatedAt.slice(0, 10))}</dd>
          <dt>Workspace</dt>
          <dd>{report.workspaceName}</dd>
          <dt>Classification</dt>
          <dd>{settings.confidentiality}</dd>
        </dl>
        {sections.length > 0 && (
          <ol className="report-cover__contents" aria-label="Contents">
            {sections.map((s) => (
              <li key={s}>{REPORT_SECTION_LABELS[s]}</li>
            ))}
          </ol>
        )}
      </div>
      <p className="report-cover__question">For every agent: what can it access, what is it prevented from doing, who owns it, and how would we know within five minutes if it went wrong?</p>
    </section>
  );
}

function Summary({ report, n }: { report: ExecutiveReport; n: number }) {
  const figures = headlineFigures(report.headline);
  const top = report.topRisks.slice(0, 3);
  return (
    <section className="report-doc__page" aria-label={REPORT_SECTION_LABELS.summary}>
      <SectionTitle n={n} section="summary" />
      <div className="report-figures">
        {figures.map((f) => (
          <div key={f.key} className={f.alarm ? 'report-figure report-figure--alarm' : 'report-figure'} data-figure={f.key}>
            <p className="report-figure__label">{f.label}</p>
            <p className="report-figure__value">{f.value}</p>
            <p className="report-figure__detail">{f.detail}</p>
          </div>
        ))}
      </div>
      {top.length > 0 && (
        <div className="report-doc__block">
          <h3>Where to look first</h3>
          <ol className="report-summary__top">
            {top.map((r) => (
              <li key={r.agentId}>
                <strong>
                  {r.tier} · {r.name}
                </strong>{' '}
                ({r.owner ?? 'no owner'}): {r.blastRadius}
              </li>
            ))}
          </ol>
        </div>
      )}
      <Gaps report={report} section="summary" />
    </section>
  );
}

function Matrix({ report, n }: { report: ExecutiveReport; n: number }) {
  const tiers = RISK_TIERS.map((tier) => ({ tier, count: report.risks.filter((r) => r.risk.tier === tier).length }));
  return (
    <section className="report-doc__page" aria-label={REPORT_SECTION_LABELS['risk-matrix']}>
      <SectionTitle n={n} section="risk-matrix" />
      <p className="report-doc__lead">Priority is the sensitivity of the data an agent’s credentials reach (write above read) times its monitoring gap; irreversible actions without review, then volume, break ties.</p>
      {report.risks.length > 0 && (
        <div className="report-chart report-chart--matrix">
          <RiskMatrix rows={report.risks} forPrint />
        </div>
      )}
      {report.risks.length > 0 && (
        <table className="report-table report-table--narrow">
          <thead>
            <tr>
              {tiers.map((t) => (
                <th key={t.tier} className="report-num">
                  {t.tier}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {tiers.map((t) => (
                <td key={t.tier} className="report-num">
                  {t.count} {t.count === 1 ? 'agent' : 'agents'}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
      <Gaps report={report} section="risk-matrix" />
    </section>
  );
}

function TopRisks({ report, n }: { report: ExecutiveReport; n: number }) {
  return (
    <section className="report-doc__page" aria-label={REPORT_SECTION_LABELS['top-risks']}>
      <SectionTitle n={n} section="top-risks" />
      {report.topRisks.length > 0 && (
        <table className="report-table report-table--top-risks">
          <thead>
            <tr>
              <th>Tier</th>
              <th>Agent</th>
              <th>Owner</th>
              <th>Blast radius</th>
              <th>Failing</th>
            </tr>
          </thead>
          <tbody>
            {report.topRisks.map((r) => (
              <tr key={r.agentId}>
                <td className="report-nowrap">
                  <span className={`report-tier report-tier--${r.tier}`}>{r.tier}</span>
                  <span className="report-muted"> {scoreText(r.score)}</span>
                </td>
                <td className="report-strong">{r.name}</td>
                <td>{r.owner ?? <span className="report-alarm">No owner</span>}</td>
                <td>{r.blastRadius}</td>
                <td>{r.failing.length === 0 ? '—' : r.failing.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Gaps report={report} section="top-risks" />
    </section>
  );
}

function Checklist({ report, n }: { report: ExecutiveReport; n: number }) {
  const { items, agents } = report.checklist;
  return (
    <section className="report-doc__page" aria-label={REPORT_SECTION_LABELS.checklist}>
      <SectionTitle n={n} section="checklist" />
      {agents.length > 0 && (
        <>
          <table className="report-table">
            <thead>
              <tr>
                <th>#</th>
                <th>Item</th>
                <th className="report-num">Pass</th>
                <th className="report-num">Fail</th>
                <th className="report-num">Unknown</th>
                <th className="report-num">Attested done</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr key={item.key}>
                  <td>{i + 1}</td>
                  <td>{item.title}</td>
                  <td className="report-num">{item.pass}</td>
                  <td className={item.fail > 0 ? 'report-num report-alarm' : 'report-num'}>{item.fail}</td>
                  <td className="report-num">{item.unknown}</td>
                  <td className="report-num">{item.attestedDone}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="report-doc__subtitle">Per agent, highest risk first</h3>
          <p className="report-muted report-doc__legend">✓ pass · ✗ fail · ? unknown (no evidence either way) · * attested done by a person. Columns are the items numbered above.</p>
          <table className="report-table report-table--grid">
            <thead>
              <tr>
                <th>Agent</th>
                <th>Tier</th>
                {H48.map((item, i) => (
                  <th key={item.key} className="report-center" title={item.title}>
                    {i + 1}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <tr key={a.agentId}>
                  <td className="report-strong">{a.name}</td>
                  <td>
                    <span className={`report-tier report-tier--${a.tier}`}>{a.tier}</span>
                  </td>
                  {a.verdicts.map((v) => (
                    <td key={v.key} className={`report-center report-verdict report-verdict--${v.verdict}`} aria-label={`${v.key}: ${v.verdict}`}>
                      {VERDICT_MARK[v.verdict]}
                      {v.attested ? '*' : ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Gaps report={report} section="checklist" />
    </section>
  );
}

function Plan({ report, n }: { report: ExecutiveReport; n: number }) {
  const { plan } = report;
  return (
    <section className="report-doc__page" aria-label={REPORT_SECTION_LABELS.plan}>
      <SectionTitle n={n} section="plan" />
      {plan.startDate !== null && (
        <p className="report-doc__lead">
          Day 0 was {formatDate(plan.startDate)}. {plan.done} of {plan.open + plan.done} tasks done; {plan.overdue} overdue.
        </p>
      )}
      <table className="report-table">
        <thead>
          <tr>
            <th>Phase</th>
            <th className="report-num">Tasks</th>
            <th className="report-num">Done</th>
            <th className="report-num">Overdue</th>
            <th>Due</th>
          </tr>
        </thead>
        <tbody>
          {plan.phases.map((p) => (
            <tr key={p.phase}>
              <td>{p.label}</td>
              <td className="report-num">{p.total}</td>
              <td className="report-num">{plan.startDate === null ? '—' : p.done}</td>
              <td className={p.overdue > 0 ? 'report-num report-alarm' : 'report-num'}>{plan.startDate === null ? '—' : p.overdue}</td>
              <td>{p.dueDate === null ? 'once day 0 is set' : formatDate(p.dueDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.startDate !== null && plan.burnUp.length > 0 && (
        <div className="report-chart report-chart--burnup">
          <BurnUpChart startDate={plan.startDate} today={plan.today} points={plan.burnUp} />
        </div>
      )}
      <Gaps report={report} section="plan" />
    </section>
  );
}

function Cost({ report, n }: { report: ExecutiveReport; n: number }) {
  const { cost } = report;
  const bars = cost
    ? [...cost.byAgent.slice(0, COST_BARS).map((a) => ({ name: a.name, costUsd: a.costUsd, unattributed: false })), ...(cost.unattributedUsd > 0 ? [{ name: 'Unattributed', costUsd: cost.unattributedUsd, unattributed: true }] : [])]
    : [];
  return (
    <section className="report-doc__page" aria-label={REPORT_SECTION_LABELS.cost}>
      <SectionTitle n={n} section="cost" />
      {cost && (
        <>
          <p className="report-doc__lead">
            {formatUsd(cost.totalUsd)} of LLM spend from {formatDate(cost.period.from)} to {formatDate(cost.period.to)}; <strong className={cost.unattributedUsd > 0 ? 'report-alarm' : undefined}>{formatUsd(cost.unattributedUsd)} ({formatShare(cost.unattributedShare)})</strong> is attributed to no agent.
            {cost.unpricedModels.length > 0 && ` Models without a price (their cost is unknown, not zero): ${cost.unpricedModels.join(', ')}.`}
          </p>
          <div className="report-chart report-chart--cost" style={{ height: `${Math.max(120, bars.length * 22 + 40)}px` }}>
            <ResponsiveContainer width="100%" height="100%" minWidth={0}>
              <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
                <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
                <XAxis type="number" tickFormatter={formatUsdCompact} tick={{ fill: 'var(--chart-axis)', fontSize: 10 }} stroke="var(--chart-grid)" />
                <YAxis type="category" dataKey="name" width={190} tick={{ fill: 'var(--text)', fontSize: 10 }} stroke="var(--chart-grid)" interval={0} />
                <Bar dataKey="costUsd" isAnimationActive={false}>
                  {bars.map((b) => (
                    <Cell key={b.name} fill={b.unattributed ? 'var(--danger)' : 'var(--chart-1)'} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="report-table">
            <thead>
              <tr>
                <th>Agent</th>
                <th className="report-num">Cost</th>
                <th className="report-num">Share</th>
                <th className="report-num">Tokens</th>
              </tr>
            </thead>
            <tbody>
              {cost.byAgent.map((a) => (
                <tr key={a.agentId}>
                  <td>{a.name}</td>
                  <td className="report-num">{formatUsd(a.costUsd)}</td>
                  <td className="report-num">{formatShare(a.share)}</td>
                  <td className="report-num">{formatTokensCompact(a.tokens)}</td>
                </tr>
              ))}
              <tr className="report-table__unattributed">
                <td>Unattributed (no agent, not the application)</td>
                <td className="report-num">{formatUsd(cost.unattributedUsd)}</td>
                <td className="report-num">{formatShare(cost.unattributedShare)}</td>
                <td className="report-num">—</td>
              </tr>
            </tbody>
          </table>
        </>
      )}
      <Gaps report={report} section="cost" />
    </section>
  );
}

function Appendix({ report, n }: { report: ExecutiveReport; n: number }) {
  return (
    <section className="report-doc__page" aria-label={REPORT_SECTION_LABELS.appendix}>
      <SectionTitle n={n} section="appendix" />
      {report.registry.length > 0 && (
        <>
          <h3 className="report-doc__subtitle">Registry</h3>
          <table className="report-table report-table--registry">
            <thead>
              <tr>
                <th>Agent</th>
                <th>Status</th>
                <th>Owner</th>
                <th>Trigger</th>
                <th>Environment</th>
                <th>Last reviewed</th>
                <th>Rollback</th>
                <th className="report-num">Fields</th>
                <th>Tier</th>
                <th className="report-num">Answers</th>
              </tr>
            </thead>
            <tbody>
              {report.registry.map((r) => (
                <tr key={r.agentId}>
                  <td className="report-strong">{r.name}</td>
                  <td className="report-nowrap">{r.status}</td>
                  <td>{r.owner ?? <span className="report-alarm">none</span>}</td>
                  <td className="report-nowrap">{r.trigger}</td>
                  <td>{r.environment || '—'}</td>
                  <td className="report-nowrap">{r.lastReviewed ? formatDate(r.lastReviewed) : <span className="report-alarm">never</span>}</td>
                  <td>{r.rollback ? 'yes' : <span className="report-alarm">no</span>}</td>
                  <td className="report-num">{r.filled}/7</td>
                  <td className="report-nowrap">
                    <span className={`report-tier report-tier--${r.tier}`}>{r.tier}</span>
                  </td>
                  <td className="report-num">{r.answered}/4</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="report-doc__subtitle report-doc__subtitle--break">Answer cards</h3>
          <div className="report-cards">
            {report.answerCards.map((card) => (
              <div key={card.agentId} className="report-card">
                <div className="report-card__head">
                  <strong>{card.name}</strong>
                  <span className="report-muted">{card.owner ?? 'no owner'}</span>
                  <span className={answeredCount(card.answers) === 4 ? 'report-card__count' : 'report-card__count report-alarm'}>{answeredCount(card.answers)} of 4 answered</span>
                </div>
                <dl className="report-card__answers">
                  {ANSWER_QUESTIONS.map((q) => (
                    <div key={q} className={card.answers[q].answered ? 'report-card__answer' : 'report-card__answer report-card__answer--gap'}>
                      <dt>
                        {card.answers[q].answered ? '✓' : '✗'} {ANSWER_QUESTION_LABELS[q]}
                      </dt>
                      <dd>
                        {card.answers[q].summary}
                        {card.answers[q].gaps.length > 0 && <span className="report-card__gaps"> Missing: {card.answers[q].gaps.join(' ')}</span>}
                      </dd>
                    </div>
                  ))}
                </dl>
              </div>
            ))}
          </div>
        </>
      )}
      <Gaps report={report} section="appendix" />
      <p className="report-muted report-doc__end">
        {formatCount(report.registry.length)} agents in scope · generated {formatDate(report.generatedAt.slice(0, 10))} from {report.workspaceName}
      </p>
    </section>
  );
}
