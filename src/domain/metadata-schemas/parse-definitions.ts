import { AppError } from '../errors.js';
import { describeProblems, type Problem } from '../problems.js';
import {
  LENGTH_BOUNDS,
  NUMBER_BOUNDS,
  PROPERTY_TYPES,
  type PropertyDefinition,
  type PropertyDefinitions,
  type PropertyType,
} from './metadata-schema.js';

export const MAX_PROPERTIES = 500;
export const MAX_PROPERTY_NAME_LENGTH = 200;
export const MAX_ALLOWED_VALUES = 1000;
export const MAX_RELATED_OBJECT_LENGTH = 100;
const MAX_LENGTH_BOUND = 1_000_000;
/** One thing wrong with a schema definition: where (`properties.size.max_length`) and what. */
export type DefinitionProblem = Problem;

export type ParseDefinitionsResult =
  | { ok: true; properties: PropertyDefinitions }
  | { ok: false; problems: DefinitionProblem[] };

/** The fields a definition may carry; the SDK's camelCase spellings read as the management API's. */
const FIELD_ALIASES: Record<string, string> = {
  objectType: 'object_type',
  minLength: 'min_length',
  maxLength: 'max_length',
  exactLength: 'exact_length',
};
const KNOWN_FIELDS = new Set<string>([
  'type',
  'array',
  'optional',
  'deleted',
  'object_type',
  'eq',
  'ne',
  ...NUMBER_BOUNDS,
  ...LENGTH_BOUNDS,
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A definition's fields under their snake_case names; null stands for absent, as Voucherify sends it. */
function normalizeFields(raw: Record<string, unknown>, path: string, problems: DefinitionProblem[]) {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const name = FIELD_ALIASES[key] ?? key;
    if (!KNOWN_FIELDS.has(name)) problems.push({ path: `${path}.${key}`, message: 'is not a definition field' });
    else if (value !== null && value !== undefined) fields[name] = value;
  }
  return fields;
}

function readFlag(
  fields: Record<string, unknown>,
  name: string,
  fallback: boolean,
  path: string,
  problems: DefinitionProblem[],
) {
  const value = fields[name];
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  problems.push({ path: `${path}.${name}`, message: 'must be a boolean' });
  return fallback;
}

function readType(fields: Record<string, unknown>, path: string, problems: DefinitionProblem[]) {
  const type = fields.type;
  if (typeof type === 'string' && (PROPERTY_TYPES as readonly string[]).includes(type)) return type as PropertyType;
  problems.push({
    path: `${path}.type`,
    message: type === undefined ? 'is required' : `must be one of ${PROPERTY_TYPES.join(', ')}`,
  });
  return undefined;
}

function readObjectType(
  fields: Record<string, unknown>,
  type: PropertyType,
  path: string,
  problems: DefinitionProblem[],
) {
  const value = fields.object_type;
  if (value === undefined) return null;
  if (type !== 'object') {
    problems.push({ path: `${path}.object_type`, message: 'is available only for the object type' });
  } else if (typeof value !== 'string' || value.length === 0 || value.length > MAX_RELATED_OBJECT_LENGTH) {
    problems.push({
      path: `${path}.object_type`,
      message: `must be the name of a schema (1 to ${MAX_RELATED_OBJECT_LENGTH} characters)`,
    });
  } else return value;
  return null;
}

function readLengths(fields: Record<string, unknown>, type: PropertyType, path: string, problems: DefinitionProblem[]) {
  const lengths: Partial<Record<(typeof LENGTH_BOUNDS)[number], number>> = {};
  for (const name of LENGTH_BOUNDS) {
    const value = fields[name];
    if (value === undefined) continue;
    if (type !== 'string') problems.push({ path: `${path}.${name}`, message: 'is available only for the string type' });
    else if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_LENGTH_BOUND) {
      problems.push({ path: `${path}.${name}`, message: `must be an integer from 0 to ${MAX_LENGTH_BOUND}` });
    } else lengths[name] = value as number;
  }
  if (lengths.min_length !== undefined && lengths.max_length !== undefined && lengths.min_length > lengths.max_length) {
    problems.push({ path: `${path}.min_length`, message: 'must not be more than max_length' });
  }
  return lengths;
}

function readBounds(fields: Record<string, unknown>, type: PropertyType, path: string, problems: DefinitionProblem[]) {
  const bounds: Partial<Record<(typeof NUMBER_BOUNDS)[number], number>> = {};
  for (const name of NUMBER_BOUNDS) {
    const value = fields[name];
    if (value === undefined) continue;
    if (type !== 'number') problems.push({ path: `${path}.${name}`, message: 'is available only for the number type' });
    else if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push({ path: `${path}.${name}`, message: 'must be a number' });
    } else bounds[name] = value;
  }
  return bounds;
}

/** `eq` (allowed values) and `ne` (refused values): strings for a string property, numbers for a number one. */
function readValueList(
  fields: Record<string, unknown>,
  name: 'eq' | 'ne',
  type: PropertyType,
  path: string,
  problems: DefinitionProblem[],
): (string | number)[] | undefined {
  const value = fields[name];
  if (value === undefined) return undefined;
  if (type !== 'string' && type !== 'number') {
    problems.push({ path: `${path}.${name}`, message: 'is available only for the string and number types' });
    return undefined;
  }
  if (!Array.isArray(value) || value.length > MAX_ALLOWED_VALUES) {
    problems.push({ path: `${path}.${name}`, message: `must be an array of at most ${MAX_ALLOWED_VALUES} values` });
    return undefined;
  }
  const wrong = value.findIndex((item) => (type === 'string' ? typeof item !== 'string' : !Number.isFinite(item)));
  if (wrong >= 0) {
    problems.push({ path: `${path}.${name}[${wrong}]`, message: `must be a ${type}` });
    return undefined;
  }
  // An empty list constrains nothing; it is dropped rather than refusing every value.
  return value.length > 0 ? (value as (string | number)[]) : undefined;
}

/** Checks one definition; undefined when it has problems (they are added to `problems`). */
export function parseDefinition(
  raw: unknown,
  path: string,
  problems: DefinitionProblem[],
): PropertyDefinition | undefined {
  if (!isPlainObject(raw)) {
    problems.push({ path, message: 'must be an object' });
    return undefined;
  }
  const before = problems.length;
  const fields = normalizeFields(raw, path, problems);
  const type = readType(fields, path, problems);
  if (!type) return undefined;
  const definition: PropertyDefinition = {
    type,
    array: readFlag(fields, 'array', false, path, problems),
    optional: readFlag(fields, 'optional', true, path, problems),
    deleted: readFlag(fields, 'deleted', false, path, problems),
    object_type: readObjectType(fields, type, path, problems),
    ...readBounds(fields, type, path, problems),
    ...readLengths(fields, type, path, problems),
  };
  const eq = readValueList(fields, 'eq', type, path, problems);
  const ne = readValueList(fields, 'ne', type, path, problems);
  if (eq) definition.eq = eq;
  if (ne) definition.ne = ne;
  return problems.length === before ? definition : undefined;
}

/** Checks a schema's `properties` object: every problem is named, none is fixed silently. */
export function parseDefinitions(raw: unknown): ParseDefinitionsResult {
  if (!isPlainObject(raw)) return { ok: false, problems: [{ path: 'properties', message: 'must be an object' }] };
  const problems: DefinitionProblem[] = [];
  const entries = Object.entries(raw);
  if (entries.length > MAX_PROPERTIES) {
    return {
      ok: false,
      problems: [{ path: 'properties', message: `must hold at most ${MAX_PROPERTIES} definitions` }],
    };
  }
  const parsed: [string, PropertyDefinition][] = [];
  for (const [name, value] of entries) {
    const path = `properties.${name}`;
    if (name.trim().length === 0 || name.length > MAX_PROPERTY_NAME_LENGTH) {
      problems.push({ path, message: `a property name has 1 to ${MAX_PROPERTY_NAME_LENGTH} characters` });
      continue;
    }
    const definition = parseDefinition(value, path, problems);
    if (definition) parsed.push([name, definition]);
  }
  // fromEntries defines every name as an own key, `__proto__` included.
  return problems.length > 0 ? { ok: false, problems } : { ok: true, properties: Object.fromEntries(parsed) };
}

/**
 * An update's definitions over the stored ones: a definition sent replaces the stored one whole,
 * the others stay. A property's type cannot change, unless its definition was removed.
 */
export function mergeDefinitions(
  stored: PropertyDefinitions,
  sent: PropertyDefinitions,
): { ok: true; properties: PropertyDefinitions } | { ok: false; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  for (const [name, definition] of Object.entries(sent)) {
    const current = Object.hasOwn(stored, name) ? stored[name] : undefined;
    if (current && !current.deleted && current.type !== definition.type) {
      problems.push({ path: `properties.${name}.type`, message: `cannot change from ${current.type}` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const properties = { ...stored, ...sent };
  if (Object.keys(properties).length > MAX_PROPERTIES) {
    return {
      ok: false,
      problems: [{ path: 'properties', message: `must hold at most ${MAX_PROPERTIES} definitions` }],
    };
  }
  return { ok: true, properties };
}

/** A schema's resource name: any non-blank name, since custom schemas name nested objects. */
export function checkRelatedObject(value: unknown): DefinitionProblem[] {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > MAX_RELATED_OBJECT_LENGTH) {
    return [{ path: 'related_object', message: `must be a name of 1 to ${MAX_RELATED_OBJECT_LENGTH} characters` }];
  }
  return [];
}

/** The 400 for a schema definition, naming every problem found. */
export function invalidDefinition(problems: readonly DefinitionProblem[]): AppError {
  return new AppError('invalid_payload', { details: describeProblems(problems) });
}
