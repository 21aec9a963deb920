import type { Discount } from '../discounts/discount.js';
import { parseDiscount } from '../discounts/parse-discount.js';
import { invalidPayload } from '../errors.js';
import type { Metadata } from '../metadata.js';
import { assertMergedValidity, parseValidityRules } from '../vouchers/parse-validity-rules.js';
import type { ValidityRules } from '../vouchers/validity.js';
import { NO_SUMMARY, type PromotionTier } from './promotion-tier.js';

export const MAX_TIER_NAME = 500;
export const MAX_BANNER = 1000;
/** Hierarchies are small ranks; the cap keeps them exact on both databases' integer columns. */
export const MAX_HIERARCHY = 1_000_000;

/** Checked changes to a tier's own fields; an absent field stays as it is. */
export interface TierChanges extends Partial<ValidityRules> {
  name?: string;
  banner?: string | null;
  discount?: Discount;
  metadata?: Metadata;
  hierarchy?: number;
  active?: boolean;
}

export type TierParseMode = 'create' | 'update';

function fail(path: string, problem: string): never {
  throw invalidPayload(`Property ${path} ${problem}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readName(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(path, 'should be a non-empty string');
  if (value.length > MAX_TIER_NAME) fail(path, `should not be longer than ${MAX_TIER_NAME} characters`);
  return value;
}

function readBanner(value: unknown, path: string): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') fail(path, 'should be a string');
  if (value.length > MAX_BANNER) fail(path, `should not be longer than ${MAX_BANNER} characters`);
  return value;
}

/** A tier without a discount would give nothing, so `action.discount` is required whenever `action` is sent. */
function readDiscount(value: unknown, path: string): Discount {
  if (!isObject(value)) fail(path, 'should be an object');
  if (value.discount === undefined || value.discount === null) fail(path, "should have required property 'discount'");
  return parseDiscount(value.discount, `${path}.discount`);
}

function readHierarchy(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_HIERARCHY) {
    fail(path, `should be an integer from 0 to ${MAX_HIERARCHY}`);
  }
  return value;
}

function readMetadata(value: unknown, path: string): Metadata {
  if (value === null) return {};
  if (!isObject(value)) fail(path, 'should be an object');
  return value;
}

function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'should be a boolean');
  return value;
}

/**
 * The fields of a tier a client sent (`path` names it in errors: `''`, `.promotion.tiers[2]`),
 * checked. A new tier needs a name and `action.discount`; an update changes only what it sends,
 * and null clears what may be cleared (banner, metadata, validity) and leaves the rest alone.
 */
export function parseTierChanges(
  raw: Readonly<Record<string, unknown>>,
  path: string,
  mode: TierParseMode,
): TierChanges {
  const changes: TierChanges = { ...parseValidityRules(raw, path) };
  if (mode === 'create') {
    if (raw.name === undefined || raw.name === null) fail(path || '.', "should have required property 'name'");
    if (raw.action === undefined || raw.action === null) fail(path || '.', "should have required property 'action'");
  }
  if (raw.name !== undefined && raw.name !== null) changes.name = readName(raw.name, `${path}.name`);
  if (raw.banner !== undefined) changes.banner = readBanner(raw.banner, `${path}.banner`);
  if (raw.action !== undefined && raw.action !== null) changes.discount = readDiscount(raw.action, `${path}.action`);
  if (raw.metadata !== undefined) changes.metadata = readMetadata(raw.metadata, `${path}.metadata`);
  if (raw.hierarchy !== undefined && raw.hierarchy !== null) {
    changes.hierarchy = readHierarchy(raw.hierarchy, `${path}.hierarchy`);
  }
  if (raw.active !== undefined && raw.active !== null) changes.active = readBoolean(raw.active, `${path}.active`);
  return changes;
}

export interface NewTierFacts {
  id: string;
  campaign_id: string;
  /** The rank a tier takes when it names none: after the campaign's others. */
  default_hierarchy: number;
  category_id: string | null;
  now: string;
}

const NO_VALIDITY: ValidityRules = {
  start_date: null,
  expiration_date: null,
  validity_timeframe: null,
  validity_day_of_week: null,
  validity_hours: null,
};

/** A new tier from checked create changes (which hold a name and a discount). */
export function newTier(changes: TierChanges, facts: NewTierFacts, path: string): PromotionTier {
  const { name, discount } = changes;
  if (name === undefined || discount === undefined) fail(path || '.', "should have properties 'name' and 'action'");
  const tier: PromotionTier = {
    ...NO_VALIDITY,
    id: facts.id,
    campaign_id: facts.campaign_id,
    name,
    banner: null,
    discount,
    metadata: {},
    hierarchy: facts.default_hierarchy,
    active: true,
    category_id: facts.category_id,
    summary: NO_SUMMARY,
    created_at: facts.now,
    updated_at: null,
    ...changes,
  };
  assertMergedValidity(tier, path);
  return tier;
}

/** The tier with the changes applied; its dates still in order, a timeframe still with a start date. */
export function applyTierChanges(tier: PromotionTier, changes: TierChanges, now: string): PromotionTier {
  const next: PromotionTier = { ...tier, ...changes, updated_at: now };
  assertMergedValidity(next, '');
  return next;
}
