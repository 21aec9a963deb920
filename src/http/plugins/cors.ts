import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InstallationOrigins } from '../../app/projects/installation-origins.js';
import { isOriginTrusted } from '../../domain/projects/project.js';
import type { AppDeps } from '../app-deps.js';

/** The methods of Voucherify's client-side API. */
const ALLOWED_METHODS = 'GET, POST, PUT, DELETE';
/** What the client-side SDK and the widget send; `origin` itself is set by the browser. */
const ALLOWED_HEADERS = [
  'x-client-application-id',
  'x-client-token',
  'content-type',
  'x-voucherify-channel',
  'x-voucherify-api-version',
  'idempotency-key',
].join(', ');
/** Headers a storefront's script may read: the SDK's rate-limit handler and the id to quote in support. */
const EXPOSED_HEADERS = ['x-rate-limit-limit', 'x-rate-limit-remaining', 'retry-after', 'x-request-id'].join(', ');
/** Browsers cache a preflight this long; Chromium caps it at two hours anyway. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;
/** How stale the installation-wide list of trusted origins that preflights use may be. */
const INSTALLATION_ORIGINS_REFRESH_MS = 2000;

function originOf(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  return typeof origin === 'string' && origin !== '' ? origin : undefined;
}

/** Adds `origin` to the reply's Vary header, keeping what is there: answers differ by origin. */
function varyByOrigin(reply: FastifyReply): void {
  const current = reply.getHeader('vary');
  const values = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  if (!values.some((value) => value.toLowerCase() === 'origin' || value === '*')) values.push('origin');
  reply.header('vary', values.join(', '));
}

/**
 * CORS for `/client/v1/*`, the only routes a browser may call; server and management routes
 * answer no CORS header at all, so a browser never reads them.
 *
 * A preflight carries no key, so it cannot be checked against the key's project. It is answered
 * (with the allowed methods and headers) for any origin some project of this installation trusts,
 * and with no allow-origin for the rest, which the browser then blocks before sending a key. The
 * request itself is checked against its own project: the auth hook refuses an origin that project
 * does not trust, and its answer carries no allow-origin, so the script cannot read it either.
 * Keys travel in headers, never cookies, so credentials are not allowed, and the allowed origin is
 * always the caller's own, never `*`.
 */
export function registerClientCors(client: FastifyInstance, deps: Pick<AppDeps, 'store'>): void {
  const installation = new InstallationOrigins(deps.store, INSTALLATION_ORIGINS_REFRESH_MS);

  // Registered before the key check, so a preflight is answered here, without a key.
  client.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'OPTIONS') return;
    varyByOrigin(reply);
    const origin = originOf(request);
    const isPreflight = request.headers['access-control-request-method'] !== undefined;
    if (isPreflight && (await installation.isTrusted(origin))) {
      reply
        .header('access-control-allow-origin', origin)
        .header('access-control-allow-methods', ALLOWED_METHODS)
        .header('access-control-allow-headers', ALLOWED_HEADERS)
        .header('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
    }
    return reply.code(204).send();
  });

  // Routes OPTIONS into this scope, so the hook above sees it; the hook always answers first.
  client.options('/*', { schema: { hide: true } }, async (_request, reply) => reply.code(204).send());

  client.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'OPTIONS') return payload;
    varyByOrigin(reply);
    const origin = originOf(request);
    const project = request.auth?.project;
    // Once the key is known its project decides; before that (a refused key) the installation does.
    const trusted = project
      ? isOriginTrusted(project.settings.client_trusted_domains, origin)
      : await installation.isTrusted(origin);
    if (origin && trusted) {
      reply.header('access-control-allow-origin', origin).header('access-control-expose-headers', EXPOSED_HEADERS);
    }
    return payload;
  });
}
