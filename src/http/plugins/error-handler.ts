import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toErrorObject } from '../../app/views/error-view.js';
import { AppError, type ErrorKey } from '../../domain/errors.js';

interface AjvLikeError {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** `/redeemables/1/id` → `.redeemables[1].id`, the way Voucherify names a property. */
function toPropertyPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part.replaceAll('~1', '/').replaceAll('~0', '~')}`))
    .join('');
}

/** One validation failure in Voucherify's words: "Property .items[0].quantity should be integer". */
export function describeValidationError(errors: readonly AjvLikeError[], part: string): string {
  const first = errors[0];
  if (!first) return `Invalid ${part}`;
  let message = (first.message ?? 'is invalid').replace(/^must /, 'should ');
  const allowed = first.params?.allowedValues;
  if (Array.isArray(allowed)) message += `: ${allowed.join(', ')}`;
  const path = toPropertyPath(first.instancePath ?? '');
  const subject = path === '' ? (part === 'body' ? 'Payload' : `The ${part}`) : `Property ${path}`;
  return `${subject} ${message}`;
}

const FASTIFY_CODES: Record<string, ErrorKey> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_payload',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_payload',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_payload',
  FST_ERR_BAD_URL: 'invalid_query_params',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'invalid_payload',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
};

/** Any error thrown while answering, as the AppError the client will see. */
export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError & { validation?: AjvLikeError[]; validationContext?: string };
  if (fastifyError.validation) {
    const part = fastifyError.validationContext ?? 'body';
    return new AppError(part === 'body' ? 'invalid_payload' : 'invalid_query_params', {
      details: describeValidationError(fastifyError.validation, part),
    });
  }
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped, { details: fastifyError.message });
  if (error instanceof SyntaxError || /JSON/i.test(fastifyError.code ?? '')) {
    return new AppError('invalid_payload', { details: `Malformed JSON: ${error.message}` });
  }
  const status = fastifyError.statusCode ?? 500;
  if (status === 404) return new AppError('not_found');
  if (status === 405) return new AppError('method_not_allowed');
  if (status === 413) return new AppError('payload_too_large');
  if (status === 415) return new AppError('unsupported_media_type');
  if (status === 429) return new AppError('too_many_requests');
  if (status >= 400 && status < 500) return new AppError('invalid_payload', { details: fastifyError.message });
  return new AppError('internal_error');
}

/** The error object of an answer; the one shape lives in app/views/error-view.ts. */
export const errorBody = toErrorObject;

export function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  return reply.status(error.code).type('application/json; charset=utf-8').send(errorBody(error, request.id));
}

/** The most of an error's `cause` chain a log record follows. */
const MAX_LOGGED_CAUSES = 3;

export interface LoggedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: LoggedError;
}

/**
 * What the log keeps of a failure: its type, message, code and stack, and those of its causes.
 * Not the rest of its fields: drivers and HTTP clients attach what they were handling (pg's
 * `detail` quotes the row values a constraint tripped on, a client error its request headers),
 * which can be a key, a token or a customer's personal data.
 */
export function toLoggedError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: 'a thrown non-Error value' };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
    ...(error.cause !== undefined && depth < MAX_LOGGED_CAUSES ? { cause: toLoggedError(error.cause, depth + 1) } : {}),
  };
}

/** Every failure leaves as Voucherify's error object; a 500 never shows its cause to the client. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code >= 500) request.log.error({ error: toLoggedError(error) }, 'request failed');
    return sendError(reply, request, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      request,
      // Voucherify endpoints Vouch does not serve (yet) land here too, so the message says so.
      new AppError('not_found', {
        details: `Vouch does not serve ${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)}; see /openapi.json for the supported endpoints`,
      }),
    ),
  );
}
