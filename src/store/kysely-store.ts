import { type Kysely, sql } from 'kysely';
import type { ProjectStore, Store } from '../app/ports.js';
import type { DialectCapabilities } from './dialects/capabilities.js';
import { KyselyApiKeyRepository } from './repositories/kysely-api-key-repository.js';
import { KyselyAsyncActionQueue } from './repositories/kysely-async-action-queue.js';
import { KyselyAsyncActionRepository } from './repositories/kysely-async-action-repository.js';
import { KyselyCampaignRepository } from './repositories/kysely-campaign-repository.js';
import { KyselyCategoryRepository } from './repositories/kysely-category-repository.js';
import { KyselyCustomEventRepository } from './repositories/kysely-custom-event-repository.js';
import { KyselyCustomerRepository } from './repositories/kysely-customer-repository.js';
import { KyselyDashboardUserRepository } from './repositories/kysely-dashboard-user-repository.js';
import { KyselyExportRepository } from './repositories/kysely-export-repository.js';
import { KyselyGiftCardRepository } from './repositories/kysely-gift-card-repository.js';
import { KyselyIdempotencyRepository } from './repositories/kysely-idempotency-repository.js';
import { KyselyMetadataSchemaRepository } from './repositories/kysely-metadata-schema-repository.js';
import { KyselyOrderRepository } from './repositories/kysely-order-repository.js';
import { KyselyOutboxRepository } from './repositories/kysely-outbox-repository.js';
import { KyselyProductCollectionRepository } from './repositories/kysely-product-collection-repository.js';
import { KyselyProductRepository } from './repositories/kysely-product-repository.js';
import { KyselyProjectRepository } from './repositories/kysely-project-repository.js';
import { KyselyPromotionIndexRepository } from './repositories/kysely-promotion-index-repository.js';
import { KyselyPromotionStackRepository } from './repositories/kysely-promotion-stack-repository.js';
import { KyselyPromotionTierRepository } from './repositories/kysely-promotion-tier-repository.js';
import { KyselyPublicationRepository } from './repositories/kysely-publication-repository.js';
import { KyselyReconciliationRepository } from './repositories/kysely-reconciliation-repository.js';
import { KyselyRedemptionRepository } from './repositories/kysely-redemption-repository.js';
import { KyselyRedemptionStatsRepository } from './repositories/kysely-redemption-stats-repository.js';
import { KyselyReferralRepository } from './repositories/kysely-referral-repository.js';
import { KyselyRuleCounterRepository } from './repositories/kysely-rule-counter-repository.js';
import { KyselySegmentRepository } from './repositories/kysely-segment-repository.js';
import { KyselySkuRepository } from './repositories/kysely-sku-repository.js';
import { KyselyStackingRulesRepository } from './repositories/kysely-stacking-rules-repository.js';
import { KyselySystemStateRepository } from './repositories/kysely-system-state-repository.js';
import { KyselyValidationRuleAssignmentRepository } from './repositories/kysely-validation-rule-assignment-repository.js';
import { KyselyValidationRuleRepository } from './repositories/kysely-validation-rule-repository.js';
import { KyselyValidationSessionRepository } from './repositories/kysely-validation-session-repository.js';
import { KyselyVoucherRepository } from './repositories/kysely-voucher-repository.js';
import { countRetriedConflicts, retryTransaction } from './retry-transaction.js';
import type { Database } from './tables.js';

export type TransactionRunner = <T>(work: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;

/**
 * Runs `work` in a new transaction, or in the open one when `db` already is a transaction. A new
 * transaction the database aborts for a concurrent one runs again whole (retry-transaction.ts).
 */
async function inTransaction<T>(
  db: Kysely<Database>,
  runner: TransactionRunner | undefined,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db);
  return retryTransaction(() => (runner ? runner(work) : db.transaction().execute(work)));
}

class KyselyProjectStore implements ProjectStore {
  readonly customers;
  readonly customEvents;
  readonly products;
  readonly skus;
  readonly productCollections;
  readonly categories;
  readonly stackingRules;
  readonly validationSessions;
  readonly redemptionStats;
  readonly validationRules;
  readonly validationRuleAssignments;
  readonly metadataSchemas;
  readonly orders;
  readonly asyncActions;
  readonly campaigns;
  readonly vouchers;
  readonly promotionTiers;
  readonly promotionStacks;
  readonly promotionIndex;
  readonly publications;
  readonly giftCards;
  readonly exports;
  readonly referrals;
  readonly redemptions;
  readonly ruleCounters;
  readonly segments;
  readonly outbox;
  readonly idempotency;

  constructor(
    private readonly db: Kysely<Database>,
    readonly projectId: string,
    private readonly capabilities: DialectCapabilities,
    private readonly runner?: TransactionRunner,
  ) {
    this.customers = new KyselyCustomerRepository(db, projectId, capabilities);
    this.customEvents = new KyselyCustomEventRepository(db, projectId);
    this.products = new KyselyProductRepository(db, projectId, capabilities);
    this.skus = new KyselySkuRepository(db, projectId, capabilities);
    this.productCollections = new KyselyProductCollectionRepository(db, projectId, capabilities);
    this.categories = new KyselyCategoryRepository(db, projectId);
    this.stackingRules = new KyselyStackingRulesRepository(db, projectId, capabilities);
    this.validationSessions = new KyselyValidationSessionRepository(db, projectId);
    this.redemptionStats = new KyselyRedemptionStatsRepository(db, projectId);
    this.validationRules = new KyselyValidationRuleRepository(db, projectId);
    this.validationRuleAssignments = new KyselyValidationRuleAssignmentRepository(db, projectId);
    this.metadataSchemas = new KyselyMetadataSchemaRepository(db, projectId);
    this.orders = new KyselyOrderRepository(db, projectId, capabilities);
    this.asyncActions = new KyselyAsyncActionRepository(db, projectId);
    this.campaigns = new KyselyCampaignRepository(db, projectId);
    this.vouchers = new KyselyVoucherRepository(db, projectId, capabilities);
    this.promotionTiers = new KyselyPromotionTierRepository(db, projectId);
    this.promotionStacks = new KyselyPromotionStackRepository(db, projectId);
    this.promotionIndex = new KyselyPromotionIndexRepository(db, projectId);
    this.publications = new KyselyPublicationRepository(db, projectId);
    this.giftCards = new KyselyGiftCardRepository(db, projectId, capabilities);
    this.exports = new KyselyExportRepository(db, projectId);
    this.referrals = new KyselyReferralRepository(db, projectId);
    this.redemptions = new KyselyRedemptionRepository(db, projectId, capabilities);
    this.ruleCounters = new KyselyRuleCounterRepository(db, projectId, capabilities);
    this.segments = new KyselySegmentRepository(db, projectId, capabilities);
    this.outbox = new KyselyOutboxRepository(db, projectId);
    this.idempotency = new KyselyIdempotencyRepository(db, projectId);
  }

  transaction<T>(work: (store: ProjectStore) => Promise<T>): Promise<T> {
    return inTransaction(this.db, this.runner, (trx) =>
      work(new KyselyProjectStore(trx, this.projectId, this.capabilities)),
    );
  }
}

/** The Store port over Kysely: the same code for SQLite and PostgreSQL. */
export class KyselyStore implements Store {
  readonly dialect;
  readonly projects;
  readonly apiKeys;
  readonly dashboardUsers;
  readonly systemState;
  readonly asyncActionQueue;
  readonly reconciliation;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly capabilities: DialectCapabilities,
    private readonly onClose: () => Promise<void> = () => db.destroy(),
    private readonly runner?: TransactionRunner,
  ) {
    this.dialect = capabilities.name;
    this.projects = new KyselyProjectRepository(db);
    this.apiKeys = new KyselyApiKeyRepository(db);
    this.dashboardUsers = new KyselyDashboardUserRepository(db);
    this.systemState = new KyselySystemStateRepository(db);
    this.asyncActionQueue = new KyselyAsyncActionQueue(db, capabilities);
    this.reconciliation = new KyselyReconciliationRepository(db);
  }

  forProject(projectId: string): ProjectStore {
    return new KyselyProjectStore(this.db, projectId, this.capabilities, this.runner);
  }

  transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    return inTransaction(this.db, this.runner, (trx) => work(new KyselyStore(trx, this.capabilities, this.onClose)));
  }

  countRetriedConflicts(): number {
    return countRetriedConflicts();
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  close(): Promise<void> {
    return this.onClose();
  }
}
