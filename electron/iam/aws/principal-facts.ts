import type { DataSourceFact, GrantFact, PrincipalRiskFact } from '../../../shared/iam';
import type { PermissionEntry } from './evaluate-permissions';
import { grantsOf } from './grants';
import { addComboActions, hasComboActions, principalRisks, pushComboRisks, statementRisks } from './risk-classes';

/**
 * One statement's grants and risks, built the first time a principal has that statement. The
 * facts here have principalKey '' and are templates: each principal gets copies with its key.
 */
interface StatementFacts {
  /** Interned (policy key, statement label): what grants and risks merge on. */
  labelId: number;
  grants: GrantFact[];
  /** The data sources of `grants`, in order; added to the import's list the first time they are used. */
  dataSources: DataSourceFact[] | null;
  /** An admin statement (Action "*" on "*") gives the five admin risks and no other risk. */
  admin: boolean;
  risks: PrincipalRiskFact[];
  /** Entries naming actions of multi-statement escalation paths: those combine across statements. */
  comboEntries: readonly PermissionEntry[];
}

const NONE: readonly PermissionEntry[] = Object.freeze([]);

/**
 * Grants and risks of every principal of an import, from the entries the evaluator returns one
 * list per statement. A statement's grants and risks do not depend on the principal's other
 * statements (only escalation paths combine across statements), and the evaluator hands the same
 * list to every principal with that statement and the same Deny set and boundary. So each list is
 * summarised once into templates and every principal only stamps its key on copies of them: no
 * per-principal merging, sorting or string building.
 *
 * The exception is a principal with two statements under one label (the same managed policy
 * attached directly and through a group): their facts merge, so that principal takes the general
 * path (grantsOf and principalRisks over all its entries), which gives the same facts otherwise.
 *
 * Facts share their `actions`, `riskClasses` and `via` objects with other facts of the same
 * statement; consumers only serialise them, and nothing may mutate them.
 */
export class PrincipalFactsBuilder {
  private readonly facts = new Map<readonly PermissionEntry[], StatementFacts>();
  private readonly labelIds = new Map<string, number>();
  /** Label id -> the last principal (by number) that had a statement with that label. */
  private readonly lastPrincipalOfLabel: number[] = [];
  private principalNumber = 0;

  constructor(
    private readonly account: string,
    private readonly out: { grants: GrantFact[]; risks: PrincipalRiskFact[]; dataSources: Map<string, DataSourceFact> },
  ) {}

  /** Adds one principal's grants and risks, in the order grantsOf and principalRisks give them. */
  add(principalKey: string, statements: readonly (readonly PermissionEntry[])[]): void {
    const number = ++this.principalNumber;
    const facts: StatementFacts[] = [];
    for (const entries of statements) {
      const statementFacts = this.factsOf(entries);
      if (this.lastPrincipalOfLabel[statementFacts.labelId] === number) {
        this.addMerged(principalKey, statements);
        return;
      }
      this.lastPrincipalOfLabel[statementFacts.labelId] = number;
      facts.push(statementFacts);
    }
    const { grants, risks } = this.out;
    for (const statement of facts) {
      if (statement.dataSources) this.addDataSources(statement);
      for (const t of statement.grants) {
        grants.push({ principalKey, dataSourceKey: t.dataSourceKey, access: t.access, actions: t.actions, riskClasses: t.riskClasses, conditional: t.conditional, via: t.via });
      }
    }
    // principalRisks puts admin statements' risks before the others'.
    for (const statement of facts) if (statement.admin) this.stampRisks(principalKey, statement.risks);
    for (const statement of facts) if (!statement.admin) this.stampRisks(principalKey, statement.risks);
    let comboActions: Map<string, PermissionEntry> | null = null;
    for (const statement of facts) {
      for (const entry of statement.comboEntries) addComboActions(entry, (comboActions ??= new Map()));
    }
    if (comboActions) pushComboRisks(principalKey, comboActions, risks);
  }

  /** The general path: statements sharing a label merge into one grant / risk per label. */
  private addMerged(principalKey: string, statements: readonly (readonly PermissionEntry[])[]): void {
    const entries = statements.flat();
    for (const grant of grantsOf(principalKey, entries, this.account, this.out.dataSources)) this.out.grants.push(grant);
    for (const risk of principalRisks(principalKey, entries)) this.out.risks.push(risk);
  }

  private stampRisks(principalKey: string, templates: readonly PrincipalRiskFact[]): void {
    for (const t of templates) this.out.risks.push({ principalKey, riskClass: t.riskClass, detail: t.detail, conditional: t.conditional, via: t.via });
  }

  /** Data sources are listed in the order grants first name them; once added, a statement's stay added. */
  private addDataSources(statement: StatementFacts): void {
    for (const source of statement.dataSources!) if (!this.out.dataSources.has(source.key)) this.out.dataSources.set(source.key, source);
    statement.dataSources = null;
  }

  private factsOf(entries: readonly PermissionEntry[]): StatementFacts {
    let facts = this.facts.get(entries);
    if (facts) return facts;
    // Every entry of one list comes from one Allow statement, so they share its `via`.
    const via = entries[0]!.via;
    const label = `${via.policyKey}\u0000${via.statement}`;
    let labelId = this.labelIds.get(label);
    if (labelId === undefined) this.labelIds.set(label, (labelId = this.labelIds.size));
    const dataSources = new Map<string, DataSourceFact>();
    const grants = grantsOf('', entries, this.account, dataSources);
    const risks = statementRisks('', entries);
    const comboEntries = entries.filter(hasComboActions);
    facts = {
      labelId,
      grants,
      dataSources: [...dataSources.values()],
      admin: entries.some((e) => e.admin),
      risks,
      comboEntries: comboEntries.length ? comboEntries : NONE,
    };
    this.facts.set(entries, facts);
    return facts;
  }
}
