import type { Area } from './area';
import { catalogArea } from './catalog-area';
import { insightsArea } from './insights-area';
import { rulesArea } from './rules-area';

/** The areas after the core pages (campaigns, redemptions), in the order the navigation shows them. */
export const AREAS: readonly Area[] = [insightsArea, rulesArea, catalogArea];
