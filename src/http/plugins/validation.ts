import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { AppError } from '../../domain/errors.js';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * Where a NUL character hides in a parsed input (`.items[0].name`, `''` for the value itself), or
 * undefined. PostgreSQL cannot store NUL in text, so such input is refused on both databases
 * alike instead of failing as a 500 on one of them.
 */
export function findNulCharacter(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulCharacter(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${path}.${key.replaceAll('\u0000', '\\u0000')}`;
    const found = findNulCharacter(item, `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function createAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerceTypes ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Bodies are checked strictly: `"price": "100"` is a wrong type, not a number. Query strings and
 * path parameters arrive as text, so there numbers and booleans are read from their text.
 */
export function registerValidation(app: FastifyInstance): void {
  const bodyAjv = createAjv(false);
  const textAjv = createAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }: { schema: FastifySchema; httpPart?: string }) => {
    const ajv = httpPart === 'body' ? bodyAjv : textAjv;
    return ajv.compile(schema as object) as ReturnType<Parameters<FastifyInstance['setValidatorCompiler']>[0]>;
  });
  // Bodies are checked as they are parsed (json-body.ts); the path and query string here.
  app.addHook('preValidation', async (request) => {
    if (findNulCharacter(request.params) !== undefined) {
      throw new AppError('not_found', { details: 'No resource has an id with a NUL character' });
    }
    const inQuery = findNulCharacter(request.query);
    if (inQuery !== undefined) {
      throw new AppError('invalid_query_params', { details: `Query parameter ${inQuery} contains a NUL character` });
    }
  });
  // Answers are written with JSON.stringify: the response schemas document them, and tests
  // check them against Voucherify's spec, but they never silently drop a field.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
}
