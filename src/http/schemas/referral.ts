import { Type } from 'typebox';
import { Metadata, Nullable, StringEnum, Text } from './common.js';

const RewardSource = Type.Object({
  id: Type.Optional(Nullable(Text(200))),
  name: Type.Optional(Nullable(Text(500))),
  object: Type.Optional(Nullable(Type.Literal('CAMPAIGN'))),
});

/**
 * A campaign's `referral_program` as sent: Voucherify's `referee_reward`, and Vouch's extension
 * `referrer_reward` (src/domain/referrals/referral-program.ts); the domain parser gives each field
 * its own error.
 */
export const ReferralProgramInput = Type.Object({
  conversion_event_type: Type.Optional(Nullable(StringEnum(['redemption', 'custom_event'] as const))),
  custom_event: Type.Optional(Nullable(Type.Object({ id: Type.Optional(Nullable(Text(200))), name: Text(300) }))),
  // LOYALTY_CARD passes here so the domain answers it with its own 403 (loyalty programs later).
  referee_reward: Type.Optional(
    Nullable(
      Type.Object({
        type: StringEnum(['GIFT_VOUCHER', 'LOYALTY_CARD'] as const),
        related_object_parent: RewardSource,
        amount: Type.Optional(Nullable(Type.Integer())),
      }),
    ),
  ),
  referrer_reward: Type.Optional(
    Nullable(
      Type.Object({
        type: StringEnum(['GIFT_VOUCHER', 'DISCOUNT_VOUCHER', 'LOYALTY_CARD'] as const),
        related_object_parent: RewardSource,
        amount: Type.Optional(Nullable(Type.Integer())),
      }),
    ),
  ),
});

export const ReferralMemberParams = Type.Object({
  memberId: Text(500),
});

export const ReferralCampaignMemberParams = Type.Object({
  campaignId: Text(500),
  memberId: Text(500),
});

export const ReferralHolderParams = Type.Object({ memberId: Text(500), holderId: Text(200) });
export const ReferralCampaignHolderParams = Type.Object({
  campaignId: Text(500),
  memberId: Text(500),
  holderId: Text(200),
});

export const ReferralHoldersQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  starting_after_id: Type.Optional(Text(200)),
});

const CustomerInput = Type.Object(
  { id: Type.Optional(Nullable(Text(200))), source_id: Type.Optional(Nullable(Text(500))) },
  { additionalProperties: true },
);

export const ReferralHoldersAddBody = Type.Object({
  holders: Type.Array(CustomerInput, { minItems: 1, maxItems: 100 }),
  metadata: Type.Optional(Nullable(Metadata)),
});

export const RedeemableHolderObject = Type.Object(
  {
    id: Type.String(),
    object: Type.Literal('redeemable_holder'),
    holder_role: StringEnum(['OWNER', 'REFERRER', 'REFEREE'] as const),
  },
  { additionalProperties: true },
);

export const ReferralHoldersList = Type.Object(
  {
    object: Type.Literal('list'),
    data_ref: Type.Literal('data'),
    data: Type.Array(RedeemableHolderObject),
    total: Type.Integer(),
    has_more: Type.Boolean(),
  },
  { additionalProperties: true },
);

export const ReferralHoldersAdded = Type.Object({ holders: Type.Array(RedeemableHolderObject) });
