import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as vouchersAndRedemptions from './0002-vouchers-and-redemptions.js';
import * as importedRedemptions from './0003-imported-redemptions.js';
import * as validationRules from './0004-validation-rules.js';
import * as ruleCounting from './0005-rule-counting.js';
import * as metadataSchemas from './0006-metadata-schemas.js';
import * as customEvents from './0007-custom-events.js';
import * as segments from './0008-segments.js';
import * as promotions from './0009-promotions.js';
import * as stackingRules from './0010-stacking-rules.js';
import * as promotionIndexVersion from './0011-promotion-index-version.js';
import * as validationSessions from './0012-validation-sessions.js';
import * as publications from './0013-publications.js';
import * as giftCards from './0014-gift-cards.js';
import * as referrals from './0015-referrals.js';
import * as refereeRewards from './0016-referee-rewards.js';
import * as sessionRuleCounts from './0017-session-rule-counts.js';
import * as dashboardUsers from './0018-dashboard-users.js';
import * as orderRedemptions from './0019-order-redemptions.js';

/**
 * Every migration, in order. Listed here rather than read from the folder so the compiled
 * server and the TypeScript tests run the same set without touching the file system.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-vouchers-and-redemptions': vouchersAndRedemptions,
  '0003-imported-redemptions': importedRedemptions,
  '0004-validation-rules': validationRules,
  '0005-rule-counting': ruleCounting,
  '0006-metadata-schemas': metadataSchemas,
  '0007-custom-events': customEvents,
  '0008-segments': segments,
  '0009-promotions': promotions,
  '0010-stacking-rules': stackingRules,
  '0011-promotion-index-version': promotionIndexVersion,
  '0012-validation-sessions': validationSessions,
  '0013-publications': publications,
  '0014-gift-cards': giftCards,
  '0015-referrals': referrals,
  '0016-referee-rewards': refereeRewards,
  '0017-session-rule-counts': sessionRuleCounts,
  '0018-dashboard-users': dashboardUsers,
  '0019-order-redemptions': orderRedemptions,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
