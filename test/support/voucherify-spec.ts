import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const SPEC_FILES = {
  current: 'readOnly-openAPI.json',
  legacy: 'OpenAPI-full-2025-02-26.json',
} as const;

type SpecName = keyof typeof SPEC_FILES;

/**
 * The official specs live beside the repository, in `../shared/reference/voucherify-openapi`
 * (VOUCH_SPEC_DIR overrides). A fresh clone elsewhere has no such folder: the conformance checks
 * are then skipped with one line, except under CI=true, where the folder must be there.
 */
function findSpecDir(): string | undefined {
  if (process.env.VOUCH_SPEC_DIR) return process.env.VOUCH_SPEC_DIR;
  let dir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  for (let depth = 0; depth < 4; depth++) {
    const candidate = join(dir, '..', 'shared', 'reference', 'voucherify-openapi');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

const specDir = findSpecDir();
if (!specDir) {
  if (process.env.CI === 'true') throw new Error('CI=true but ../shared/reference/voucherify-openapi is missing');
  console.info(
    'Voucherify spec conformance checks skipped: put the specs in ../shared/reference/voucherify-openapi or set VOUCH_SPEC_DIR',
  );
}

const ajvs = new Map<SpecName, Ajv>();
const validators = new Map<string, ValidateFunction>();

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: `{...schema} or null`, written as anyOf so that
 * nullable enums and nullable allOf compositions accept null too. Voucherify's spec uses `oneOf`
 * between open object schemas that overlap (any object matches several), so `oneOf` is read as
 * `anyOf`, which is what the spec's authors mean.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue;
    converted[key === 'oneOf' ? 'anyOf' : key] = toJsonSchema(value);
  }
  if (converted.nullable === true) {
    const { nullable: _nullable, ...rest } = converted;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return converted;
}

function ajvFor(spec: SpecName): Ajv {
  let ajv = ajvs.get(spec);
  if (!ajv) {
    const file = join(specDir as string, SPEC_FILES[spec]);
    const document = toJsonSchema(JSON.parse(readFileSync(file, 'utf8'))) as Record<string, unknown>;
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, discriminator: false });
    addFormats(ajv);
    ajv.addSchema({ ...document, $id: spec });
    ajvs.set(spec, ajv);
  }
  return ajv;
}

function pointer(...parts: string[]): string {
  return parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
}

/**
 * Checks an answer against the official Voucherify OpenAPI schema of that operation and status,
 * returning the problems found (empty when the answer conforms).
 */
export function specViolations(
  method: string,
  path: string,
  status: number,
  body: unknown,
  spec: SpecName = 'current',
): string[] {
  if (!specDir) return [];
  const key = `${spec} ${method} ${path} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    const ref = `${spec}#/${pointer('paths', path, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema')}`;
    validate = ajvFor(spec).compile({ $ref: ref });
    validators.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** Asserts that an answer conforms to Voucherify's schema for that operation. */
export function expectConformsToSpec(
  method: string,
  path: string,
  status: number,
  body: unknown,
  spec: SpecName = 'current',
): void {
  const problems = specViolations(method, path, status, body, spec);
  if (problems.length > 0) {
    throw new Error(
      `${method.toUpperCase()} ${path} ${status} does not match Voucherify's schema:\n  ${problems.join('\n  ')}`,
    );
  }
}
