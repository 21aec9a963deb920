import type { AppError } from '../../domain/errors.js';

/** Voucherify's error object; used for error answers and inside failed validations. */
export function toErrorObject(error: AppError, requestId: string) {
  return {
    code: error.code,
    key: error.key,
    message: error.message,
    ...(error.details !== undefined ? { details: error.details } : {}),
    request_id: requestId,
    ...(error.resourceId !== undefined ? { resource_id: error.resourceId } : {}),
    ...(error.resourceType !== undefined ? { resource_type: error.resourceType } : {}),
  };
}
