import type { Area } from './area';

/** Validation rules (builder, test against a cart). */
export const rulesArea: Area = {
  sections: [],
  render: () => null,
};
