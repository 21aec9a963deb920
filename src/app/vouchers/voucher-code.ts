import { AppError, invalidPayload } from '../../domain/errors.js';
import type { Project } from '../../domain/projects/project.js';
import { codeKey } from '../../domain/vouchers/code-key.js';

export const MAX_CODE_LENGTH = 200;

/** Printable characters of any script; no whitespace, control, format or unpaired surrogate characters. */
const PRINTABLE_WITHOUT_SPACE = /^[^\s\p{C}]+$/u;

/** A code a client chose, checked: 1 to 200 printable characters without whitespace. */
export function checkCode(code: string, property = '.code'): string {
  const length = [...code].length;
  if (length === 0 || length > MAX_CODE_LENGTH || !PRINTABLE_WITHOUT_SPACE.test(code)) {
    throw invalidPayload(
      `Property ${property} should be 1 to ${MAX_CODE_LENGTH} printable characters without whitespace`,
    );
  }
  return code;
}

/** The key a code is stored and compared by in this project. */
export function codeKeyIn(project: Project, code: string): string {
  return codeKey(code, project.settings.case_sensitive_codes);
}

export function duplicateCode(code: string): AppError {
  return new AppError('duplicate_found', { details: `A voucher with code ${code} already exists` });
}
