import { describe, expect, it } from 'vitest';
import { WORKSPACE_DIALOG_FILTERS, withWorkspaceExtension, workspacePathFromArgv } from './workspace-files';

describe('workspace file names', () => {
  it('filters dialogs to .atw files', () => {
    expect(WORKSPACE_DIALOG_FILTERS).toEqual([{ name: 'Agent Triage Workspace', extensions: ['atw'] }]);
  });

  it('adds the extension only when the dialog left it off', () => {
    expect(withWorkspaceExtension('/tmp/acme-review')).toBe('/tmp/acme-review.atw');
    expect(withWorkspaceExtension('/tmp/acme-review.atw')).toBe('/tmp/acme-review.atw');
    expect(withWorkspaceExtension('/tmp/ACME.ATW')).toBe('/tmp/ACME.ATW');
    expect(withWorkspaceExtension('/tmp/acme.v2')).toBe('/tmp/acme.v2.atw');
  });

  it('finds the workspace the OS passed on the command line', () => {
    expect(workspacePathFromArgv(['/opt/agent-triage/agent-triage', '/home/me/acme.atw'])).toBe('/home/me/acme.atw');
    expect(workspacePathFromArgv(['electron', '.', '--no-sandbox', 'C:\\Reviews\\Acme Q3.atw'])).toBe('C:\\Reviews\\Acme Q3.atw');
    expect(workspacePathFromArgv(['electron', '.'])).toBeUndefined();
    expect(workspacePathFromArgv(['electron', '--inspect=x.atw', 'notes.txt'])).toBeUndefined();
    // argv[0] is the executable itself, never a document.
    expect(workspacePathFromArgv(['/tmp/odd.atw'])).toBeUndefined();
  });
});
