import { AppError } from '../errors.js';
import type { Metadata } from '../metadata.js';
import { describeValue, isPlainObject, scalarProblem } from './check-value.js';
import type { MetadataRules, PropertyDefinition } from './metadata-schema.js';

/** One field that breaks the schema: `address.city`, `tags[2]`, and why. */
export interface MetadataProblem {
  field: string;
  reason: string;
}

/**
 * `whole`: the metadata is everything the object will hold, so a mandatory field missing is a
 * problem. `partial`: only the keys given are checked (a patch checked before it is merged).
 */
export type CheckMode = 'whole' | 'partial';

export interface CheckOptions {
  mode?: CheckMode;
  /** The custom schema a nested object follows, by its `object_type`; undefined accepts any object. */
  nested?: (objectType: string) => MetadataRules | undefined;
}

/** Problems listed in an error's details; the rest are counted. */
const MAX_PROBLEMS_SHOWN = 10;

function isMissing(value: unknown): boolean {
  return value === undefined || value === null;
}

function checkItem(
  field: string,
  value: unknown,
  definition: PropertyDefinition,
  options: CheckOptions,
  problems: MetadataProblem[],
): void {
  const reason = scalarProblem(value, definition);
  if (reason) {
    problems.push({ field, reason: `${reason} (actual value is ${describeValue(value)})` });
    return;
  }
  if (definition.type !== 'object' || definition.object_type === null || !options.nested) return;
  const schema = options.nested(definition.object_type);
  // A nested object cannot hold another nested object (Voucherify's rule), so the check stops here.
  if (schema) checkFields(field, value as Metadata, schema, { mode: 'whole' }, problems);
}

function checkProperty(
  field: string,
  value: unknown,
  definition: PropertyDefinition,
  options: CheckOptions,
  problems: MetadataProblem[],
): void {
  if (!definition.array) {
    checkItem(field, value, definition, options, problems);
    return;
  }
  if (!Array.isArray(value)) {
    problems.push({ field, reason: `must be an array (actual value is ${describeValue(value)})` });
    return;
  }
  value.forEach((item, index) => {
    checkItem(`${field}[${index}]`, item, definition, options, problems);
  });
}

function checkFields(
  prefix: string,
  metadata: Metadata,
  rules: MetadataRules,
  options: CheckOptions,
  problems: MetadataProblem[],
): void {
  const fieldName = (key: string) => (prefix ? `${prefix}.${key}` : key);
  for (const [key, definition] of Object.entries(rules.properties)) {
    if (definition.deleted) continue;
    const value = Object.hasOwn(metadata, key) ? metadata[key] : undefined;
    if (isMissing(value)) {
      const given = Object.hasOwn(metadata, key);
      if (!definition.optional && (options.mode !== 'partial' || given)) {
        problems.push({ field: fieldName(key), reason: 'is required' });
      }
      continue;
    }
    checkProperty(fieldName(key), value, definition, options, problems);
  }
  if (!rules.allow_defined_only) return;
  for (const key of Object.keys(metadata)) {
    // A removed definition's values stay on the objects that have them until they are purged.
    if (!Object.hasOwn(rules.properties, key)) {
      problems.push({ field: fieldName(key), reason: 'is not defined in the metadata schema' });
    }
  }
}

/**
 * Every way the metadata breaks the schema, in the schema's property order then the unknown keys;
 * empty when it conforms. A null value counts as absent, as a merge removes it.
 */
export function checkMetadataAgainstSchema(
  rules: MetadataRules,
  metadata: Metadata,
  options: CheckOptions = {},
): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  if (!isPlainObject(metadata)) return [{ field: 'metadata', reason: 'must be an object' }];
  checkFields('', metadata, rules, { ...options, mode: options.mode ?? 'whole' }, problems);
  return problems;
}

/** Voucherify's 400 for metadata: the key clients match on, the fields named in the details. */
export function metadataValidationFailed(problems: readonly MetadataProblem[]): AppError {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  const more = problems.length - shown.length;
  const details = shown.map((problem) => `${problem.field}: ${problem.reason}`).join('; ');
  // Bulk jobs report a row's failure by its message, so the message names the fields too.
  const fields = [...new Set(shown.map((problem) => problem.field))].join(', ');
  return new AppError('metadata_validation_failed', {
    message: `Metadata validation failed for ${fields}${more > 0 ? ' and more' : ''}`,
    details: more > 0 ? `${details}; and ${more} more` : details,
  });
}
