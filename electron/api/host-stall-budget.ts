/**
 * How long work may keep a host's thread busy before it runs in a job worker instead
 * (EngineOptions.hostStallBudgetMs): imports and exports predict their work and compare it with
 * this. A job worker never does the work faster than the host's thread: it costs its start-up
 * (about 190 ms of wall and CPU, more when a reader or writer must load again in it) and buys one
 * thing, a host thread that keeps answering meanwhile.
 */

/**
 * The app (Electron's main process, the web host) answers every window's calls on its thread: a
 * person notices an answer later than about a tenth of a second.
 */
export const APP_STALL_BUDGET_MS = 100;
/**
 * The CLI's thread only draws progress and listens for Ctrl+C: a second without either is still
 * a command that answers, and a worker would add a fifth to work of that length.
 */
export const CLI_STALL_BUDGET_MS = 1_000;
