import type { Area } from './area';

/** Overview and settings (monitoring charts, API keys). */
export const insightsArea: Area = {
  sections: [],
  render: () => null,
};
