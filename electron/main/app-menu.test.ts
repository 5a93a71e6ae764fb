import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { RecentWorkspace, WorkspaceInfo } from '../../shared/contract';
import { appMenuTemplate, type AppMenuState, type WorkspaceMenuCommands } from './app-menu';

const acme: WorkspaceInfo = { path: '/reviews/acme.atw', name: 'acme', isDemo: false, schemaVersion: 1, agentCount: 12, createdAt: '2025-01-01T00:00:00Z' };
const recent: RecentWorkspace[] = [
  { path: '/reviews/acme.atw', name: 'acme', openedAt: '2025-02-02T00:00:00Z', exists: true },
  { path: '/reviews/globex.atw', name: 'globex', openedAt: '2025-02-01T00:00:00Z', exists: true },
  { path: '/usb/initech.atw', name: 'initech', openedAt: '2025-01-01T00:00:00Z', exists: false },
];

function commandsSpy(): WorkspaceMenuCommands {
  const command = () => vi.fn(async () => {});
  return { newWorkspace: command(), openWorkspace: command(), saveWorkspaceAs: command(), openRecent: command(), openDemo: command() };
}
function fileMenu(state: Partial<AppMenuState>, commands = commandsSpy()) {
  const template = appMenuTemplate({ current: acme, recent, platform: 'linux', offerDevTools: false, ...state }, commands);
  const file = template.find((item) => item.label === '&File');
  if (!file || !Array.isArray(file.submenu)) throw new Error('no File menu');
  return file.submenu as MenuItemConstructorOptions[];
}
const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((item) => item.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)();

describe('application menu', () => {
  it('offers the workspace commands in the File menu and wires each to its command', () => {
    const commands = commandsSpy();
    const items = fileMenu({}, commands);
    expect(items.filter((item) => item.label).map((item) => item.label)).toEqual([
      'New Workspace…',
      'Open Workspace…',
      'Open Recent',
      'Open Demo',
      'Save Workspace As…',
      'Quit',
    ]);
    click(byLabel(items, 'New Workspace…'));
    click(byLabel(items, 'Open Workspace…'));
    click(byLabel(items, 'Save Workspace As…'));
    click(byLabel(items, 'Open Demo'));
    expect(commands.newWorkspace).toHaveBeenCalledOnce();
    expect(commands.openWorkspace).toHaveBeenCalledOnce();
    expect(commands.saveWorkspaceAs).toHaveBeenCalledOnce();
    expect(commands.openDemo).toHaveBeenCalledOnce();
  });

  it('lists recent workspaces other than the open one, disabling files that are gone', () => {
    const commands = commandsSpy();
    const submenu = byLabel(fileMenu({}, commands), 'Open Recent')?.submenu as MenuItemConstructorOptions[];
    expect(submenu.map((item) => [item.label, item.enabled])).toEqual([
      ['globex', true],
      ['initech', false],
    ]);
    click(submenu[0]);
    expect(commands.openRecent).toHaveBeenCalledWith('/reviews/globex.atw');
  });

  it('says so when there is nothing recent, and cannot save without an open workspace', () => {
    const items = fileMenu({ current: null, recent: [] });
    expect(byLabel(items, 'Open Recent')?.submenu).toEqual([{ label: 'No recent workspaces', enabled: false }]);
    expect(byLabel(items, 'Save Workspace As…')?.enabled).toBe(false);
  });

  it('follows platform conventions and hides developer tools in the installed app', () => {
    const mac = appMenuTemplate({ current: acme, recent, platform: 'darwin', offerDevTools: false }, commandsSpy());
    expect(mac[0]).toEqual({ role: 'appMenu' });
    expect(JSON.stringify(mac)).not.toContain('"quit"');
    expect(JSON.stringify(mac)).not.toContain('toggleDevTools');
    const dev = appMenuTemplate({ current: acme, recent, platform: 'linux', offerDevTools: true }, commandsSpy());
    expect(JSON.stringify(dev)).toContain('toggleDevTools');
  });
});
