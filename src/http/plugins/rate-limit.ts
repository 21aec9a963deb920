import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { reportAtMostEvery } from '../../app/security/counting-failures.js';
import { GuessThrottle } from '../../app/security/guess-throttle.js';
import { MemoryWindowCounters } from '../../app/security/memory-window-counters.js';
import { RequestLimiter } from '../../app/security/request-limiter.js';
import { AppError } from '../../domain/errors.js';
import { addressGroupOf } from '../../domain/security/client-address.js';
import { decideRequest, type RequestCount, type RequestVerdict } from '../../domain/security/request-limit.js';
import type { AppDeps } from '../app-deps.js';

/** Monitoring polls these; a limit there would make a healthy server look down. */
const UNLIMITED_ROUTES = new Set(['/health', '/metrics']);

/** One warning per minute at most while the counter store is unreachable. */
const OUTAGE_REPORT_INTERVAL_MS = 60_000;

export interface TrafficGuards {
  /** The code-guessing defence for client-side lookups; null when its limits are off. */
  guesses: GuessThrottle | null;
}

/**
 * Rate limits per API key and per client address, answered as Voucherify does: the
 * `x-rate-limit-limit` and `x-rate-limit-remaining` headers on every limited answer, and on a
 * refusal a 429 `too_many_requests` with `retry-after` in seconds.
 *
 * Counted here rather than by @fastify/rate-limit, although it is installed: the code-guessing
 * defence must share the counters and needs what the plugin's stores cannot do (give a count
 * back, read the previous window); its windows follow `Date.now()` rather than the injected
 * clock; and one request is counted twice, by address before authentication and by key after
 * it, where the plugin counts one key per hook. One small counter port serves both limits.
 *
 * The address is counted in `onRequest`, before the key is checked, so floods of bad keys are
 * limited too; the key in `preParsing`, after every route's `onRequest` hooks have authenticated
 * it (so nobody can spend another's budget by naming its app id) and before a body is read.
 */
export function registerRateLimits(app: FastifyInstance, deps: AppDeps): TrafficGuards {
  if (!deps.limits) return { guesses: null };
  const { requests: requestLimits, guesses: guessLimits } = deps.limits;
  const counters = deps.counters ?? new MemoryWindowCounters(deps.clock);
  const onCountingFailure = reportAtMostEvery(OUTAGE_REPORT_INTERVAL_MS, deps.clock, (error, missed) =>
    app.log.warn(
      { err: error, uncountedSinceLastWarning: missed },
      'rate-limit counters are unreachable: requests are let through uncounted until they are back',
    ),
  );

  app.addHook('onReady', async () => {
    try {
      await counters.ready();
    } catch (error) {
      onCountingFailure(error);
    }
  });

  const limiter = new RequestLimiter(counters, deps.clock, requestLimits, onCountingFailure);
  if (limiter.isLimiting('address') || limiter.isLimiting('key')) {
    const addressCounts = new WeakMap<FastifyRequest, RequestCount>();
    const warnOfUntrustedProxy = onceWarning(app);

    app.addHook('onRequest', async (request, reply) => {
      if (isUnlimited(request)) return;
      warnOfUntrustedProxy(request);
      const count = await limiter.count('address', addressGroupOf(request.ip));
      if (!count) return;
      addressCounts.set(request, count);
      applyVerdict(reply, decideRequest([count]), requestLimits.windowSeconds);
    });

    app.addHook('preParsing', async (request, reply) => {
      const key = request.auth?.key;
      if (!key || isUnlimited(request)) return;
      const keyCount = await limiter.count('key', key.id);
      if (!keyCount) return;
      const addressCount = addressCounts.get(request);
      const counts = addressCount ? [keyCount, addressCount] : [keyCount];
      applyVerdict(reply, decideRequest(counts), requestLimits.windowSeconds);
    });
  }

  const guessing = guessLimits.perAddress > 0 || guessLimits.perClientKey > 0;
  return { guesses: guessing ? new GuessThrottle(counters, deps.clock, guessLimits, onCountingFailure) : null };
}

/**
 * Also CORS preflights: they carry no key and are answered from memory, and a refused preflight
 * would turn a limited storefront's readable 429 into an opaque CORS failure.
 */
function isUnlimited(request: FastifyRequest): boolean {
  return request.method === 'OPTIONS' || UNLIMITED_ROUTES.has(request.routeOptions.url ?? '');
}

/** Writes the verdict's headers; throws the 429 when it refuses. */
function applyVerdict(reply: FastifyReply, verdict: RequestVerdict | null, windowSeconds: number): void {
  if (!verdict) return;
  reply.header('x-rate-limit-limit', verdict.limit);
  reply.header('x-rate-limit-remaining', verdict.remaining);
  if (verdict.allowed) return;
  reply.header('retry-after', verdict.retryAfterSeconds);
  const whose = verdict.scope === 'key' ? 'This API key' : 'This address';
  throw new AppError('too_many_requests', {
    details: `${whose} may send ${verdict.limit} requests per ${windowSeconds} seconds; retry in ${verdict.retryAfterSeconds} seconds`,
  });
}

/**
 * Behind a proxy that Vouch does not trust, every client has the proxy's address, so per-address
 * limits would throttle all of them together. Said once, when the first such request arrives.
 */
function onceWarning(app: FastifyInstance): (request: FastifyRequest) => void {
  let warned = false;
  return (request) => {
    if (warned || request.headers['x-forwarded-for'] === undefined) return;
    if (request.ip !== request.socket.remoteAddress) return;
    warned = true;
    app.log.warn(
      { from: request.ip },
      'requests arrive with X-Forwarded-For from an address VOUCH_TRUST_PROXY does not trust: per-address limits count them all as that one client',
    );
  };
}
