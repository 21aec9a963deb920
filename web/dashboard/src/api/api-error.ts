/** Voucherify's error body: the server answers every 4xx and 5xx with it. */
export interface ApiErrorBody {
  code: number;
  key: string;
  message: string;
  details?: string;
}

/** A failed request, carrying what the server said so a page can show it. */
export class ApiError extends Error {
  readonly status: number;
  readonly key: string;
  readonly details: string | undefined;

  constructor(status: number, body: Partial<ApiErrorBody>) {
    super(body.message ?? `The server answered with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.key = body.key ?? 'unknown';
    this.details = body.details;
  }
}

/** Turns anything thrown into an ApiError, so pages have one shape to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(0, { key: 'network_error', message: 'The server could not be reached', details: message });
}
