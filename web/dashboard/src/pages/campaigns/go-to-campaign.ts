import type { Campaign } from '../../api/api-types';
import { buildPath } from '../../router/link';
import { navigate } from '../../router/router';
import type { GenerationState } from '../campaign-generation';

/**
 * Opens the new campaign's page, handing it the count asked for so it can show generation progress,
 * and what went wrong after the campaign was made, if anything.
 */
export function goToCampaign(campaign: Campaign, requested: number, warning?: string): void {
  const generation: GenerationState = {
    requested,
    asyncActionId: campaign.async_action_id ?? null,
    ...(warning ? { warning } : {}),
  };
  navigate(buildPath('campaigns', campaign.id), { state: generation });
}
