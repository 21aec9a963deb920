import type { Area } from './area';

/** Vouchers, customers, segments, products and orders. */
export const catalogArea: Area = {
  sections: [],
  render: () => null,
};
