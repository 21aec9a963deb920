import { createHmac, timingSafeEqual } from 'node:crypto';

export interface AssetLink {
  id: string;
  url: string;
}

/** A voucher's `assets`: links to its QR code and barcode images, which Vouch serves itself. */
export interface VoucherAssets {
  qr: AssetLink;
  barcode: AssetLink;
}

/** What a valid asset token names. */
export interface AssetSubject {
  projectId: string;
  code: string;
}

/** Far above any code's token (about 4/3 of the code's bytes plus 70), so a longer one is refused unread. */
export const MAX_ASSET_TOKEN_LENGTH = 4096;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/;
const ID_LENGTH = 24;
/**
 * The signing key is the project's webhook token; prefixing what is signed keeps an asset
 * signature from ever being valid as a signature of anything else made with that key.
 */
const SIGNED_CONTEXT = 'vouch-asset-v1.';

function sign(payload: string, signingKey: string): Buffer {
  return createHmac('sha256', signingKey).update(`${SIGNED_CONTEXT}${payload}`).digest();
}

/**
 * Links that anyone can open without a key, as in Voucherify: the token is the project and code
 * with an HMAC-SHA256 by the project's key, so only codes the project signed can be drawn. The same
 * code always gets the same links, so images are cached for good; rotating the key retires them.
 */
export function voucherAssets(publicUrl: string, projectId: string, signingKey: string, code: string): VoucherAssets {
  const payload = Buffer.from(JSON.stringify({ p: projectId, c: code }), 'utf8').toString('base64url');
  const signature = sign(payload, signingKey).toString('base64url');
  const token = `${payload}.${signature}`;
  const base = publicUrl.replace(/\/+$/, '');
  const id = signature.slice(0, ID_LENGTH);
  return {
    qr: { id: `qr_${id}`, url: `${base}/assets/qr/${token}` },
    barcode: { id: `barcode_${id}`, url: `${base}/assets/barcode/${token}` },
  };
}

/**
 * The project and code a token names, or null when it is malformed, its project is unknown or
 * its signature is not the project's. The signature is compared in constant time, as text: 43
 * base64url characters carry 258 bits for 256, so decoding it would let four spellings of one
 * signature pass, and a near miss of a link would still draw the image.
 */
export async function readAssetToken(
  token: string,
  keyForProject: (projectId: string) => Promise<string | undefined>,
): Promise<AssetSubject | null> {
  if (token.length > MAX_ASSET_TOKEN_LENGTH || !TOKEN_SHAPE.test(token)) return null;
  const [payload = '', signature = ''] = token.split('.');
  const subject = decodePayload(payload);
  if (subject === null) return null;
  const key = await keyForProject(subject.projectId);
  if (key === undefined) return null;
  const given = Buffer.from(signature, 'utf8');
  const expected = Buffer.from(sign(payload, key).toString('base64url'), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected) ? subject : null;
}

function decodePayload(payload: string): AssetSubject | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof decoded !== 'object' || decoded === null) return null;
  const { p, c } = decoded as { p?: unknown; c?: unknown };
  if (typeof p !== 'string' || typeof c !== 'string' || p === '' || c === '') return null;
  return { projectId: p, code: c };
}
