/**
 * "No edit is ever lost": a page with unsaved edits registers a guard, and every way of leaving
 * it asks first (Save, Discard or Stay): in-app links, `navigate`, Back/Forward, switching
 * workspace, and closing or reloading the window (beforeunload; the browser asks with its own
 * words there, since a page may not offer buttons of its own on unload).
 */

export interface LeaveGuard {
  /** Read at the moment someone tries to leave, so it always sees the latest edits. */
  hasUnsavedChanges(): boolean;
  /** Resolves to true when saved; false leaves the person on the page to see why not. */
  save(): Promise<boolean>;
  discard(): void;
}

export type LeaveAnswer = 'save' | 'discard' | 'stay';

export interface LeaveQuestion {
  answer(choice: LeaveAnswer): void;
  saving: boolean;
}

let guard: LeaveGuard | null = null;
let question: LeaveQuestion | null = null;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

export function setLeaveGuard(next: LeaveGuard): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
  };
}

export const hasUnsavedChanges = (): boolean => guard?.hasUnsavedChanges() ?? false;

/** Saves the guarded page's edits, if any; false when the save was refused (the page shows why). */
export async function saveUnsavedChanges(): Promise<boolean> {
  if (!guard?.hasUnsavedChanges()) return true;
  return guard.save();
}

export function subscribeLeaveQuestion(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const currentLeaveQuestion = (): LeaveQuestion | null => question;

let asking: Promise<boolean> | null = null;

/** Resolves to true when the page may be left: nothing unsaved, or saved, or discarded. */
export function confirmLeave(): Promise<boolean> {
  const current = guard;
  if (!current?.hasUnsavedChanges()) return Promise.resolve(true);
  // Two attempts at once (a click and a Back) get the one question.
  asking ??= new Promise<boolean>((resolve) => {
    const settle = (leave: boolean) => {
      question = null;
      asking = null;
      changed();
      resolve(leave);
    };
    question = {
      saving: false,
      answer: (choice) => {
        if (choice === 'stay') return settle(false);
        if (choice === 'discard') {
          current.discard();
          return settle(true);
        }
        question = { ...question!, saving: true };
        changed();
        void current.save().then(
          (saved) => settle(saved),
          () => settle(false),
        );
      },
    };
    changed();
  });
  return asking;
}

/**
 * Where the app is, as far as the guard let it go. Pages render from this, not from
 * location.hash: between Back moving the address and the guard putting it back, any render
 * would otherwise already show (and unmount into) the page being left.
 */
let committedHash = typeof window === 'undefined' ? '' : window.location.hash;
const routeListeners = new Set<() => void>();
function commit(hash: string): void {
  if (hash === committedHash) return;
  committedHash = hash;
  routeListeners.forEach((l) => l());
}
export function subscribeCommittedHash(listener: () => void): () => void {
  routeListeners.add(listener);
  return () => routeListeners.delete(listener);
}
export const committedLocationHash = (): string => committedHash;
/** A navigation already agreed to; its hashchange passes without asking again. */
let allowedHash: string | null = null;

const sameHash = (a: string, b: string) => (a || '#/inventory') === (b || '#/inventory');

function go(href: string, replace: boolean): void {
  allowedHash = href;
  if (replace) {
    window.history.replaceState(window.history.state, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
  }
}

/** Every in-app navigation goes through here (see routes.navigate and the link interception below). */
export async function requestNavigation(href: string, { replace = false } = {}): Promise<void> {
  if (sameHash(href, window.location.hash)) return;
  if (await confirmLeave()) go(href, replace);
}

/** Installed once by the app: links, Back/Forward and unload all consult the guard. */
export function installLeaveGuard(): () => void {
  commit(window.location.hash);

  // In-app links ask before the hash changes, so a refused click leaves no history entry behind.
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || !hasUnsavedChanges()) return;
    event.preventDefault();
    void requestNavigation(link.getAttribute('href') ?? '#/inventory');
  };

  // Back/Forward (or a typed address) has already moved the hash: put it back, then ask.
  const onHashChange = () => {
    const target = window.location.hash;
    if (allowedHash !== null && sameHash(target, allowedHash)) {
      allowedHash = null;
      commit(target);
      return;
    }
    if (sameHash(target, committedHash)) return commit(target);
    if (!hasUnsavedChanges()) return commit(target);
    window.history.replaceState(window.history.state, '', committedHash || '#/inventory');
    void requestNavigation(target);
  };

  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!hasUnsavedChanges()) return;
    event.preventDefault();
    // Older engines (and Electron's will-prevent-unload) need returnValue set.
    event.returnValue = '';
  };

  document.addEventListener('click', onClick, true);
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    document.removeEventListener('click', onClick, true);
    window.removeEventListener('hashchange', onHashChange);
    window.removeEventListener('beforeunload', onBeforeUnload);
  };
}
