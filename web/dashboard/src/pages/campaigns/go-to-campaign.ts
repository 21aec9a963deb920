import { toApiError } from '../../api/api-error';
import type { Campaign } from '../../api/api-types';
import { assignRuleToCampaign } from '../../api/campaign-api';
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

/**
 * Assigns the rule chosen in a new-campaign form once the campaign exists; what went wrong, if it
 * did, in words for the campaign's page (the campaign exists whatever the assignment answers).
 */
export async function assignNewCampaignRule(ruleId: string, campaignId: string): Promise<string | undefined> {
  try {
    await assignRuleToCampaign(ruleId, campaignId);
    return undefined;
  } catch (caught) {
    const { message } = toApiError(caught);
    return `The campaign was created, but its validation rule was not assigned (${message}). Assign it from the rule's page.`;
  }
}
