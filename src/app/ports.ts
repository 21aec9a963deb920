import type { ApiKeyRepository } from './repositories/api-key-repository.js';
import type { AsyncActionQueue } from './repositories/async-action-queue.js';
import type { AsyncActionRepository } from './repositories/async-action-repository.js';
import type { CampaignRepository } from './repositories/campaign-repository.js';
import type { CategoryRepository } from './repositories/category-repository.js';
import type { CustomEventRepository } from './repositories/custom-event-repository.js';
import type { CustomerRepository } from './repositories/customer-repository.js';
import type { DashboardUserRepository } from './repositories/dashboard-user-repository.js';
import type { ExportRepository } from './repositories/export-repository.js';
import type { GiftCardRepository } from './repositories/gift-card-repository.js';
import type { IdempotencyRepository } from './repositories/idempotency-repository.js';
import type { MetadataSchemaRepository } from './repositories/metadata-schema-repository.js';
import type { OrderRepository } from './repositories/order-repository.js';
import type { OutboxRepository } from './repositories/outbox-repository.js';
import type { ProductCollectionRepository } from './repositories/product-collection-repository.js';
import type { ProductRepository } from './repositories/product-repository.js';
import type { ProjectRepository } from './repositories/project-repository.js';
import type { PromotionIndexRepository } from './repositories/promotion-index-repository.js';
import type { PromotionStackRepository } from './repositories/promotion-stack-repository.js';
import type { PromotionTierRepository } from './repositories/promotion-tier-repository.js';
import type { PublicationRepository } from './repositories/publication-repository.js';
import type { ReconciliationRepository } from './repositories/reconciliation-repository.js';
import type { RedemptionRepository } from './repositories/redemption-repository.js';
import type { RedemptionStatsRepository } from './repositories/redemption-stats-repository.js';
import type { ReferralRepository } from './repositories/referral-repository.js';
import type { RuleCounterRepository } from './repositories/rule-counter-repository.js';
import type { SegmentRepository } from './repositories/segment-repository.js';
import type { SkuRepository } from './repositories/sku-repository.js';
import type { StackingRulesRepository } from './repositories/stacking-rules-repository.js';
import type { SystemStateRepository } from './repositories/system-state-repository.js';
import type { ValidationRuleAssignmentRepository } from './repositories/validation-rule-assignment-repository.js';
import type { ValidationRuleRepository } from './repositories/validation-rule-repository.js';
import type { ValidationSessionRepository } from './repositories/validation-session-repository.js';
import type { VoucherRepository } from './repositories/voucher-repository.js';

/** The time, injected so tests can fix it. */
export interface Clock {
  now(): Date;
}

/** New identifiers and secrets, injected so tests can predict them. */
export interface Ids {
  /** A new object id with Voucherify's prefix, such as `cust_` or `prod_`. */
  newId(prefix: string): string;
  /** A new random secret for an API key. */
  newSecret(): string;
  /** A new public application id for an API key. */
  newAppId(): string;
}

/**
 * What a use case may read and write inside one project. Every repository here is bound to the
 * project, so a query cannot reach another project's rows.
 */
export interface ProjectStore {
  readonly projectId: string;
  readonly customers: CustomerRepository;
  readonly customEvents: CustomEventRepository;
  readonly products: ProductRepository;
  readonly skus: SkuRepository;
  readonly productCollections: ProductCollectionRepository;
  readonly categories: CategoryRepository;
  readonly stackingRules: StackingRulesRepository;
  readonly validationSessions: ValidationSessionRepository;
  /** The dashboard's monitoring figures. */
  readonly redemptionStats: RedemptionStatsRepository;
  readonly validationRules: ValidationRuleRepository;
  readonly validationRuleAssignments: ValidationRuleAssignmentRepository;
  readonly metadataSchemas: MetadataSchemaRepository;
  readonly orders: OrderRepository;
  readonly asyncActions: AsyncActionRepository;
  readonly campaigns: CampaignRepository;
  readonly vouchers: VoucherRepository;
  readonly promotionTiers: PromotionTierRepository;
  readonly promotionStacks: PromotionStackRepository;
  readonly promotionIndex: PromotionIndexRepository;
  readonly publications: PublicationRepository;
  readonly giftCards: GiftCardRepository;
  readonly exports: ExportRepository;
  readonly referrals: ReferralRepository;
  readonly redemptions: RedemptionRepository;
  readonly ruleCounters: RuleCounterRepository;
  readonly segments: SegmentRepository;
  readonly outbox: OutboxRepository;
  readonly idempotency: IdempotencyRepository;
  /** Runs `work` in one transaction; inside a transaction it joins the open one. */
  transaction<T>(work: (store: ProjectStore) => Promise<T>): Promise<T>;
}

/** The whole database: projects and keys, and a project-bound view of everything else. */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  readonly projects: ProjectRepository;
  readonly apiKeys: ApiKeyRepository;
  /** The dashboard's users and sessions. */
  readonly dashboardUsers: DashboardUserRepository;
  readonly systemState: SystemStateRepository;
  /** Async actions of every project, for the workers that run them. */
  readonly asyncActionQueue: AsyncActionQueue;
  /** Stored counters recounted across every project, for `vouch doctor`. */
  readonly reconciliation: ReconciliationRepository;
  forProject(projectId: string): ProjectStore;
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /**
   * Transactions this process ran again because the database aborted them for a concurrent one
   * (deadlocks, serialization failures); for the metrics.
   */
  countRetriedConflicts(): number;
  /** Answers when the database can be reached; for the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
