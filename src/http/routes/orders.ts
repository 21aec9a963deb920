import type { FastifyInstance } from 'fastify';

// SCAFFOLD: routes to be written.
export function registerOrderRoutes(_fastify: FastifyInstance): void {}
