import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { DiscoveryPage } from '../page-models/discovery-page';
import { RegistryPage } from '../page-models/registry-page';
import { WorkspaceMenu } from '../page-models/workspace-menu';
import type { WebApp } from './web-app';

/** The labelled corpus's repositories: what discovery specs scan, as a person would scan a checkout. */
export const CORPUS = resolve(import.meta.dirname, '..', '..', 'electron', 'discovery', 'corpus', 'repos');

/**
 * Where a discovery spec starts: a new workspace, the named corpus repositories copied into the
 * scratch folder (the scan never sees the corpus's own paths) and added on the Discovery page,
 * then one scan of them all.
 */
export async function scanCorpusRepositories(app: WebApp, page: Page, workspaceFile: string, names: readonly string[]): Promise<DiscoveryPage> {
  await new RegistryPage(page).goto(app.url);
  await new WorkspaceMenu(page).submitPath('New…', join(app.scratch, workspaceFile), 'Create');
  const discovery = new DiscoveryPage(page);
  await discovery.open();
  for (const name of names) {
    const repo = join(app.scratch, name);
    cpSync(join(CORPUS, name, 'repo'), repo, { recursive: true });
    await discovery.addFolder(repo);
  }
  await discovery.scan();
  return discovery;
}
