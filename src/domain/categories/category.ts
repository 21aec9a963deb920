export interface Category {
  id: string;
  name: string;
  /** Lower applies first when redeemables are stacked; Voucherify's default is 1, the minimum 0. */
  hierarchy: number;
  created_at: string;
  updated_at: string | null;
}
