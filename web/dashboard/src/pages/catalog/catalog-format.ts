import type { Customer } from '../../api/catalog-api';

/** How a customer is named: their name, else email, else the shop's id, else Vouch's. */
export function describeCustomerName(customer: Customer): string {
  return customer.name ?? customer.email ?? customer.source_id ?? customer.id;
}

const segmentTypes: Record<string, string> = {
  static: 'Static (a fixed list)',
  'auto-update': 'Auto-update (a filter)',
  passive: 'Passive (a filter, checked on use)',
};

export function formatSegmentType(type: string): string {
  return segmentTypes[type] ?? type;
}

const orderStatuses: Record<string, string> = {
  CREATED: 'Created',
  PAID: 'Paid',
  CANCELED: 'Canceled',
  FULFILLED: 'Fulfilled',
};

export function formatOrderStatus(status: string): string {
  return orderStatuses[status] ?? status;
}
