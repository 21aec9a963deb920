import bwipjs from 'bwip-js';
import { toBuffer as qrToBuffer } from 'qrcode';
import { AppError } from '../../domain/errors.js';
import { readAssetToken } from './asset-links.js';

export const ASSET_KINDS = ['qr', 'barcode'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** CODE128 reaches Latin-1 at most (through FNC4); other characters would scan as something else. */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

function assetNotFound(details: string): AppError {
  return new AppError('not_found', { details, resource_type: 'asset' });
}

/**
 * The PNG image behind a voucher's `assets.qr.url` or `assets.barcode.url`. A malformed or forged
 * token, or one whose project is gone, is a 404 that does not say which of these it was.
 */
export async function renderVoucherAsset(
  kind: AssetKind,
  token: string,
  keyForProject: (projectId: string) => Promise<string | undefined>,
): Promise<Buffer> {
  const subject = await readAssetToken(token, keyForProject);
  if (subject === null) throw assetNotFound(`Cannot find ${kind} asset`);
  return kind === 'qr' ? renderQr(subject.code) : renderBarcode(subject.code);
}

async function renderQr(code: string): Promise<Buffer> {
  try {
    return await qrToBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  } catch {
    throw assetNotFound('This code is too long for a QR code');
  }
}

async function renderBarcode(code: string): Promise<Buffer> {
  const undrawable = 'This code has characters a CODE128 barcode cannot carry; use its QR code';
  if (BEYOND_LATIN1.test(code)) throw assetNotFound(undrawable);
  try {
    return await bwipjs.toBuffer({
      bcid: 'code128',
      text: code,
      scale: 3,
      height: 15,
      includetext: true,
      textxalign: 'center',
      paddingwidth: 10,
      paddingheight: 5,
      backgroundcolor: 'FFFFFF',
    });
  } catch {
    throw assetNotFound(undrawable);
  }
}
