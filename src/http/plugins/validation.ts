import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

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
  // Answers are written with JSON.stringify: the response schemas document them, and tests
  // check them against Voucherify's spec, but they never silently drop a field.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
}
