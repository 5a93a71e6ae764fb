import type { Download, Locator, Page } from '@playwright/test';
import { FileImportDialog } from './import-dialog';

/** The blast radius page: agents (forward) and data sources (reverse), as a graph or a table. */
export class BlastRadiusPage {
  readonly heading: Locator;
  readonly agentList: Locator;
  readonly dataSourceList: Locator;
  /** The Data sources tab's full table (classification, reach). */
  readonly dataSourcesTable: Locator;
  readonly graph: Locator;
  readonly graphSearch: Locator;
  readonly groupBy: Locator;
  readonly pathsTable: Locator;
  readonly importDialog: FileImportDialog;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Blast radius', level: 1 });
    this.agentList = page.getByRole('navigation', { name: 'Agents' });
    this.dataSourceList = page.getByRole('navigation', { name: 'Data sources' });
    this.dataSourcesTable = page.getByRole('grid', { name: 'Data sources' });
    this.graph = page.locator('.react-flow');
    this.graphSearch = page.getByRole('searchbox', { name: 'Find in graph' });
    this.groupBy = page.getByRole('combobox', { name: 'Group' });
    this.pathsTable = page.getByRole('grid', { name: 'Paths' });
    this.importDialog = new FileImportDialog(page);
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Blast radius' }).click();
    await this.heading.waitFor();
  }

  /** The result's heading: "What <agent> can reach" or "Who can reach <data source>". */
  resultHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: /^(What .* can reach|Who can reach .*)$/ });
  }

  async openAgent(name: string): Promise<void> {
    await this.tab('Agents').click();
    await this.agentList.getByRole('searchbox', { name: 'Search agents' }).fill(name);
    await this.agentList.getByRole('link', { name: new RegExp(`^${escape(name)}\\b`) }).first().click();
    await this.page.getByRole('heading', { level: 2, name: `What ${name} can reach` }).waitFor();
  }

  /** The reverse view: every agent that reaches the data source. */
  async openDataSource(name: string): Promise<void> {
    await this.tab('Data sources').click();
    await this.page.getByRole('searchbox', { name: 'Search data sources' }).fill(name);
    await this.dataSourcesTable.getByRole('row').filter({ has: this.page.getByRole('gridcell', { name: new RegExp(`^${escape(name)}`) }) }).first().click();
    await this.page.getByRole('heading', { level: 2, name: `Who can reach ${name}` }).waitFor();
  }

  /** The data source filters (the Data sources table and the reverse view's list). */
  async filterDataSources(filter: { sensitivity?: string; environment?: string }): Promise<void> {
    if (filter.sensitivity) await this.page.getByRole('combobox', { name: 'Filter by sensitivity' }).selectOption(filter.sensitivity);
    if (filter.environment) await this.page.getByRole('combobox', { name: 'Filter by environment' }).selectOption(filter.environment);
  }

  tab(name: 'Agents' | 'Data sources'): Locator {
    return this.page.getByRole('tablist', { name: 'Blast radius views' }).getByRole('tab', { name });
  }

  /** Graph / Table (n) switch of the result. */
  async show(view: 'Graph' | 'Table'): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Show the paths as' }).getByRole('tab', { name: new RegExp(`^${view}`) }).click();
  }

  /** Waits until the worker's layout is drawn. */
  async waitForGraph(): Promise<void> {
    await this.page.locator('.br-graph__canvas[aria-busy="false"]').waitFor();
  }

  /** A node of the graph, by kind and name ("Principal", "payments-admin"); its click focuses the node's paths. */
  node(kind: 'Agent' | 'Credential' | 'Principal' | 'Data source', name: string): Locator {
    return this.graph.getByRole('button', { name: new RegExp(`^${kind}( group)?: ${escape(name)}\\.`) });
  }

  expandGroup(name: string): Locator {
    return this.graph.getByRole('button', { name: `Expand ${name}` });
  }

  /** Path rows of the table (header excluded). */
  pathRows(): Locator {
    return this.pathsTable.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  /** Opens a path's details: the chain and the policy statements (each in an expander). */
  async openPath(index: number): Promise<Locator> {
    await this.pathRows().nth(index).click();
    // Named by its heading "<agent> → <data source>"; a filter on the heading would also match every region around it.
    return this.page.getByRole('region', { name: /→/ });
  }

  /** The explanatory empty state when nothing links the agent to an imported identity. */
  gaps(): Locator {
    return this.page.getByRole('region', { name: /^(Nothing to draw yet|No agent reaches this data source)$/ });
  }

  async exportImage(format: 'PNG' | 'SVG'): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: `Export ${format}` }).click()]);
    return download;
  }

  /** The reverse view's classification controls; "As the rules say…" hands the field back to the rules. */
  classification(field: 'Environment' | 'Sensitivity'): Locator {
    return this.page.getByRole('region', { name: 'Classification' }).getByRole('combobox', { name: field, exact: true });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
