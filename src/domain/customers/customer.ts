import type { Metadata } from '../metadata.js';

export interface Address {
  city: string | null;
  state: string | null;
  line_1: string | null;
  line_2: string | null;
  country: string | null;
  postal_code: string | null;
}

export interface Customer {
  id: string;
  source_id: string | null;
  name: string | null;
  description: string | null;
  email: string | null;
  phone: string | null;
  /** YYYY-MM-DD. */
  birthdate: string | null;
  /** Voucherify's older name for the birth date, kept as sent. */
  birthday: string | null;
  address: Address | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string | null;
}

/** What a create or update may set; an absent field is left unchanged, null clears it. */
export interface CustomerChanges {
  source_id?: string | null;
  name?: string | null;
  description?: string | null;
  email?: string | null;
  phone?: string | null;
  birthdate?: string | null;
  birthday?: string | null;
  address?: Partial<Address> | null;
  metadata?: Metadata | null;
}

const ADDRESS_FIELDS = ['city', 'state', 'line_1', 'line_2', 'country', 'postal_code'] as const;
const SCALAR_FIELDS = ['source_id', 'name', 'description', 'email', 'phone', 'birthdate', 'birthday'] as const;

/** Merges an address update field by field, so sending only `city` keeps the street. */
function mergeAddress(current: Address | null, changes: Partial<Address> | null): Address | null {
  if (changes === null) return null;
  const merged = Object.fromEntries(
    ADDRESS_FIELDS.map((field) => [field, changes[field] !== undefined ? changes[field] : (current?.[field] ?? null)]),
  ) as unknown as Address;
  return ADDRESS_FIELDS.every((field) => merged[field] === null) ? null : merged;
}

export function newCustomer(id: string, changes: CustomerChanges, now: string): Customer {
  return applyCustomerChanges(
    {
      id,
      source_id: null,
      name: null,
      description: null,
      email: null,
      phone: null,
      birthdate: null,
      birthday: null,
      address: null,
      metadata: {},
      created_at: now,
      updated_at: null,
    },
    changes,
    null,
  );
}

/** The customer after an update; `now` null keeps `updated_at` (a create is not an update). */
export function applyCustomerChanges(customer: Customer, changes: CustomerChanges, now: string | null): Customer {
  const next: Customer = { ...customer };
  for (const field of SCALAR_FIELDS) {
    const value = changes[field];
    if (value !== undefined) next[field] = value;
  }
  if (changes.address !== undefined) next.address = mergeAddress(customer.address, changes.address);
  if (changes.metadata !== undefined) next.metadata = changes.metadata ?? {};
  if (now !== null) next.updated_at = now;
  return next;
}
