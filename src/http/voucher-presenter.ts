import { voucherAssets } from '../app/assets/asset-links.js';
import type { LoadedVoucher } from '../app/redemptions/load-voucher.js';
import type { VoucherPresenter } from '../app/redemptions/voucher-request.js';
import { toVoucherObject, type VoucherView } from '../app/views/voucher-view.js';
import type { Project } from '../domain/projects/project.js';
import type { AppDeps } from './app-deps.js';

/** How this project's answers show a voucher: the links to its images need the public URL and the project's key. */
export function voucherViewPresenter(deps: Pick<AppDeps, 'publicUrl'>, project: Project) {
  const assets = (code: string) => voucherAssets(deps.publicUrl, project.id, project.webhook_token, code);
  return (view: VoucherView) => toVoucherObject(view, assets);
}

/** The same, for a voucher loaded for validation or redemption. */
export function voucherPresenter(deps: Pick<AppDeps, 'publicUrl'>, project: Project): VoucherPresenter {
  const present = voucherViewPresenter(deps, project);
  return ({ stored, campaign, category }: LoadedVoucher) => present({ voucher: stored, campaign, category });
}
