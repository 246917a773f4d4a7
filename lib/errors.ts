/**
 * The one error type. `code` is machine-readable ("not_found:run", "invalid:upload",
 * "unavailable:language"); `message` is safe to show a user; `detail` is internal and is
 * logged, never sent to a client.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly detail?: unknown;

  constructor(code: string, message: string, options: { status?: number; detail?: unknown; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = options.status ?? statusForCode(code);
    this.detail = options.detail;
  }

  toJSON() {
    return { error: { code: this.code, message: this.message } };
  }
}

function statusForCode(code: string): number {
  const kind = code.split(":")[0];
  switch (kind) {
    case "invalid":
      return 400;
    case "unauthorized":
      return 401;
    case "forbidden":
      return 403;
    case "not_found":
      return 404;
    case "conflict":
      return 409;
    case "too_large":
      return 413;
    case "rate_limited":
      return 429;
    case "unavailable":
      return 503;
    default:
      return 500;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
