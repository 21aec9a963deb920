import type { FastifyInstance } from 'fastify';

// SCAFFOLD: routes to be written.
export function registerProductRoutes(_fastify: FastifyInstance): void {}
