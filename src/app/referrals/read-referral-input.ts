import type { CampaignType } from '../../domain/campaigns/campaign.js';
import { invalidPayload } from '../../domain/errors.js';
import { type ParsedReferralProgram, parseReferralProgram } from '../../domain/referrals/referral-program.js';

/**
 * A campaign request's `referral_program`, checked before anything is written: a REFERRAL_PROGRAM
 * campaign always has one (converting on redemption when none is sent); any other campaign is
 * refused one rather than storing a program nothing would run.
 */
export function readReferralInput(campaignType: CampaignType, value: unknown): ParsedReferralProgram | null {
  if (campaignType === 'REFERRAL_PROGRAM') return parseReferralProgram(value);
  if (value !== undefined && value !== null) {
    throw invalidPayload(`Property .referral_program is for REFERRAL_PROGRAM campaigns, not ${campaignType}`);
  }
  return null;
}
