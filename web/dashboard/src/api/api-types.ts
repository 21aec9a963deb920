// The parts of Voucherify's objects the dashboard reads; the server sends more.

export interface Project {
  id: string;
  name: string;
  /** An IANA zone, e.g. Europe/Warsaw: the project's calendar and clock. */
  timezone: string;
}

export interface Session {
  user: { id: string; email: string; role: 'admin' | 'member' };
  projects: Project[];
}

export interface ListPage {
  object: 'list';
  total?: number;
}

export type Discount =
  | { type: 'PERCENT'; percent_off: number; amount_limit?: number | null }
  | { type: 'AMOUNT'; amount_off: number }
  | { type: 'FIXED'; fixed_amount: number }
  | { type: 'UNIT'; unit_off?: number; unit_type?: string };

export interface CodeConfig {
  pattern?: string;
  length?: number;
  prefix?: string;
  postfix?: string;
  charset?: string;
}

export interface Campaign {
  id: string;
  name: string;
  description: string | null;
  campaign_type: string;
  type: string;
  active: boolean;
  start_date?: string | null;
  expiration_date?: string | null;
  vouchers_count: number;
  vouchers_generation_status?: 'DONE' | 'IN_PROGRESS' | 'FAILED' | 'DRAFT' | 'MODIFYING';
  created_at: string;
  voucher?: {
    type: string;
    discount?: Discount | null;
    code_config?: CodeConfig;
    redemption?: { quantity: number | null };
  };
  /** Not in Voucherify's answer; read in case the server queues generation and says so. */
  async_action_id?: string;
}

export interface CampaignList extends ListPage {
  campaigns: Campaign[];
}

export interface CampaignSummary {
  redemptions: number;
  redemptions_succeeded: number;
  redemptions_failed: number;
  rollbacks: number;
  vouchers_created: number;
  discounted_amount: number;
  rolledback_discounted_amount: number;
}

export interface Voucher {
  id: string;
  code: string;
  campaign: string | null;
  campaign_id: string | null;
  type: string;
  discount?: Discount | null;
  gift?: { amount: number; balance: number } | null;
  active: boolean;
  start_date?: string | null;
  expiration_date?: string | null;
  created_at: string;
  redemption: { quantity: number | null; redeemed_quantity: number };
  assets?: { qr?: { url: string }; barcode?: { url: string } };
}

export interface VoucherList extends ListPage {
  vouchers: Voucher[];
}

export interface RedemptionOrder {
  id?: string;
  source_id?: string | null;
  amount?: number | null;
  total_discount_amount?: number | null;
  total_amount?: number | null;
}

export interface Redemption {
  id: string;
  object: 'redemption' | 'redemption_rollback';
  date: string;
  customer_id: string | null;
  tracking_id?: string | null;
  amount?: number | null;
  /** A rollback's target; a stacked child's parent. */
  redemption?: string | null;
  reason?: string | null;
  result: 'SUCCESS' | 'FAILURE';
  status: 'SUCCEEDED' | 'FAILED' | 'ROLLED_BACK';
  failure_code?: string;
  failure_message?: string;
  order?: RedemptionOrder;
  customer?: { id: string; name?: string; email?: string; source_id?: string };
  related_object_type?: string;
  related_object_id?: string;
  related_redemptions?: { rollbacks: { id: string; date: string }[] };
  voucher?: { code: string; campaign?: string | null; campaign_id?: string | null };
  promotion_tier?: { id: string; name?: string };
}

export interface RedemptionList extends ListPage {
  redemptions: Redemption[];
}

export interface AsyncAction {
  id: string;
  status: 'ENQUEUED' | 'IN_PROGRESS' | 'DONE' | 'FAILED';
  progress: number;
  result?: { message?: string };
}
