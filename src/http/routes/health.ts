import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../domain/errors.js';
import type { AppDeps } from '../app-deps.js';

/** `GET /health`: no key needed; 503 while the database cannot be reached. */
export function registerHealthRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability',
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) },
      },
    },
    async () => {
      try {
        await deps.store.ping();
      } catch {
        throw new AppError('service_unavailable', { details: 'The database cannot be reached' });
      }
      return { status: 'ok' as const, database: deps.store.dialect };
    },
  );
}
