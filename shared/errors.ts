/** Errors that cross every host boundary (IPC, HTTP, CLI) as plain data. */
export const ERROR_CODES = [
  'invalid-input', // the input did not match the method's schema
  'access-denied', // a host refused the caller (no token, foreign origin or frame) before dispatch
  'unknown-method',
  'not-found',
  'no-workspace', // a method needs an open workspace and none is open
  'workspace-corrupt', // integrity check failed or not a SQLite file: never touched
  'workspace-too-new', // written by a newer version of the app
  'workspace-mismatch', // an applied migration's hash differs from this build's
  'import-invalid', // a file to import has errors; nothing was written
  'unsupported-format',
  'conflict',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorData {
  code: ErrorCode;
  /** One sentence that says what was wrong and what to do. */
  message: string;
  /** Structured detail, e.g. the zod issues or per-row import errors. */
  details?: unknown;
}

export class BackendError extends Error implements ApiErrorData {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
    this.details = details;
  }
  toData(): ApiErrorData {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
  static fromData(data: ApiErrorData): BackendError {
    return new BackendError(data.code, data.message, data.details);
  }
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };
