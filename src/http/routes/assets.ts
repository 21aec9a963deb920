import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { ASSET_KINDS, type AssetKind, renderVoucherAsset } from '../../app/assets/render-voucher-asset.js';
import type { AppDeps } from '../app-deps.js';

/** The same code always draws the same image, so clients and proxies keep it for good. */
const CACHE_FOREVER = 'public, max-age=31536000, immutable';

const PngResponse = {
  description: 'PNG image',
  content: { 'image/png': { schema: { type: 'string', format: 'binary' } } },
};

/**
 * `GET /assets/qr/{token}` and `GET /assets/barcode/{token}`: the PNG images a voucher's `assets`
 * link to. No key is needed, as in Voucherify; the signed token is the permission. A long code
 * makes a token longer than the router's parameter limit; find-my-way then falls back to the
 * undocumented wildcard twin of each route, which serves the same image.
 */
export function registerAssetRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'store'>): void {
  const keyForProject = async (projectId: string): Promise<string | undefined> =>
    (await deps.store.projects.findById(projectId))?.webhook_token;

  const sendAsset = async (kind: AssetKind, token: string, reply: FastifyReply): Promise<FastifyReply> => {
    const image = await renderVoucherAsset(kind, token, keyForProject);
    return reply.type('image/png').header('cache-control', CACHE_FOREVER).send(image);
  };

  for (const kind of ASSET_KINDS) {
    app.get<{ Params: { token: string } }>(
      `/assets/${kind}/:token`,
      {
        schema: {
          tags: ['assets'],
          summary: kind === 'qr' ? "A voucher's QR code as a PNG image" : "A voucher's CODE128 barcode as a PNG image",
          params: Type.Object({
            token: Type.String({ description: "The signed token from the voucher's assets URL" }),
          }),
          response: { 200: PngResponse },
        },
      },
      (request, reply) => sendAsset(kind, request.params.token, reply),
    );
    app.get<{ Params: { '*': string } }>(`/assets/${kind}/*`, { schema: { hide: true } }, (request, reply) =>
      sendAsset(kind, request.params['*'], reply),
    );
  }
}
