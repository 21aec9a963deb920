import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { toEventCreatedObject } from '../../app/custom-events/custom-event-view.js';
import { trackCustomEvent } from '../../app/custom-events/track-custom-event.js';
import { AppError } from '../../domain/errors.js';
import { clientAudience, presentClientCustomer } from '../client-presenter.js';
import { contextOf } from '../plugins/auth.js';
import { EventCreateBody, EventCreatedObject } from '../schemas/event.js';

const tags = ['events'];

/** `POST /v1/events`: tracks a custom event, creating or updating the customer it names. */
export function registerEventRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/events',
    {
      schema: {
        tags,
        summary: 'Track a custom event of a customer, created when new',
        body: EventCreateBody,
        response: { 200: EventCreatedObject },
      },
    },
    async (request) => {
      const { customer, ...rest } = request.body;
      const tracked = await trackCustomEvent(
        contextOf(request),
        { ...rest, customer },
        { writes: 'upsert', channel: 'API' },
      );
      return toEventCreatedObject(tracked);
    },
  );
}

/**
 * `POST /client/v1/events`, as the SDK's client-side `track` sends it. The key is public: the
 * customer is named by source_id only (an id would let a storefront attach events to any stored
 * customer), a new one is created, a stored one is never rewritten, and the answer shows of it
 * only what the request said. Events for a loyalty card need the project's permission.
 */
export function registerClientEventRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/events',
    {
      schema: {
        tags: ['client-side'],
        summary: 'Track a custom event from a storefront',
        body: EventCreateBody,
        response: { 200: EventCreatedObject },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (request.body.loyalty && !ctx.project.settings.client_loyalty_events_enabled) {
        throw new AppError('forbidden', {
          details: 'Tracking loyalty events with a client-side key is disabled for this project',
        });
      }
      const { id: _ignored, ...customer } = request.body.customer;
      const tracked = await trackCustomEvent(
        ctx,
        { ...request.body, customer },
        { writes: 'create_only', channel: 'CLIENT_API' },
      );
      return {
        ...toEventCreatedObject(tracked),
        customer: presentClientCustomer(tracked.customer, clientAudience(ctx.project, customer, tracked.customer.id)),
      };
    },
  );
}
