import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { findNulCharacter } from './validation.js';

/**
 * Deepest nesting a body may have. Real payloads (an order's items, metadata) stay far below it;
 * beyond it, recursive code further on (serializing metadata, walking values) would overflow
 * the stack and answer 500.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether JSON text nests objects and arrays deeper than `limit`, read in one pass without recursion. */
export function isNestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/**
 * Voucherify's SDK sends `Content-Type: application/json` on every call, also on DELETE and on
 * POSTs without a body. Fastify would refuse those empty bodies; here they are simply no body.
 * JSON is the only text body the API reads: Fastify's default `text/plain` parser is removed, so a
 * plain-text body gets 415 instead of reaching a route's schema as a string.
 */
export function registerJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    if (isNestedDeeperThan(text, MAX_JSON_DEPTH)) {
      done(new AppError('invalid_payload', { details: `Payload is nested deeper than ${MAX_JSON_DEPTH} levels` }));
      return;
    }
    parseJson(request, text, (error, parsed) => {
      if (error) {
        done(error, undefined);
        return;
      }
      // A raw NUL byte is invalid JSON already; only the escape can smuggle one in.
      const nulAt = text.includes('\\u0000') ? findNulCharacter(parsed) : undefined;
      if (nulAt !== undefined) {
        const where = nulAt === '' ? 'Payload' : `Property ${nulAt}`;
        done(new AppError('invalid_payload', { details: `${where} contains a NUL character` }));
        return;
      }
      done(null, parsed);
    });
  });
}
