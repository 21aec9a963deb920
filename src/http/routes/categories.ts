import type { FastifyInstance } from 'fastify';

// SCAFFOLD: routes to be written.
export function registerCategoryRoutes(_fastify: FastifyInstance): void {}
