import { OverviewPage } from '../pages/insights/overview-page';
import { readPeriod } from '../pages/insights/period-select';
import { SettingsPage } from '../pages/insights/settings-page';
import type { Area } from './area';

/** Overview and settings (monitoring charts, API keys). */
export const insightsArea: Area = {
  sections: [
    { path: '/overview', label: 'Overview' },
    { path: '/settings', label: 'Settings' },
  ],
  render: ({ path, query }) => {
    if (path === '/overview') return <OverviewPage period={readPeriod(query.get('days'))} />;
    if (path === '/settings') return <SettingsPage />;
    return null;
  },
};
