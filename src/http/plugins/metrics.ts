import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Store } from '../../app/ports.js';

/**
 * Prometheus metrics at `GET /metrics`: request counts and latencies by route pattern (never by
 * raw URL, which would make one series per voucher code), transactions the database aborted and
 * that were run again, plus the process's own figures.
 */
export function registerMetrics(app: FastifyInstance, store: Pick<Store, 'countRetriedConflicts'>): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'vouch_http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'vouch_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  let reportedConflicts = store.countRetriedConflicts();
  new Counter({
    name: 'vouch_transaction_conflicts_retried_total',
    help: 'Transactions the database aborted for a concurrent one (deadlocks, serialization failures), run again',
    registers: [registry],
    collect() {
      const now = store.countRetriedConflicts();
      this.inc(now - reportedConflicts);
      reportedConflicts = now;
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
