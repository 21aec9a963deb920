import type { FastifyInstance } from 'fastify';

// SCAFFOLD: routes to be written.
export function registerProductCollectionRoutes(_fastify: FastifyInstance): void {}
