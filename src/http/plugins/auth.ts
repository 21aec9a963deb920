import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Authenticated } from '../../app/auth/key-authenticator.js';
import type { ProjectContext } from '../../app/context.js';
import type { ApiKeyKind } from '../../app/repositories/api-key-repository.js';
import { AppError } from '../../domain/errors.js';
import { isOriginTrusted } from '../../domain/projects/project.js';
import type { AppDeps } from '../app-deps.js';
import { authenticateDashboardCall, hasDashboardSession } from './dashboard-auth.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
    projectContext: ProjectContext | null;
  }
}

/** The headers that carry each kind of key, as Voucherify names them. */
const KEY_HEADERS: Record<ApiKeyKind, { id: string; secret: string }> = {
  server: { id: 'x-app-id', secret: 'x-app-token' },
  client: { id: 'x-client-application-id', secret: 'x-client-token' },
  management: { id: 'x-management-id', secret: 'x-management-token' },
};

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A hook that admits only requests carrying a valid key of `kind`. Client-side keys must also
 * come from one of the project's trusted origins. The project found becomes the request's
 * context, so every use case after it is bound to that project.
 */
export function requireKey(kind: ApiKeyKind, deps: AppDeps): onRequestAsyncHookHandler {
  const names = KEY_HEADERS[kind];
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const appId = header(request, names.id);
    const secret = header(request, names.secret);
    // The dashboard calls the server API with its session instead of a key.
    if (kind === 'server' && !appId && !secret && hasDashboardSession(request)) {
      return authenticateDashboardCall(request, deps);
    }
    if (!appId || !secret) {
      throw new AppError('unauthorized', { details: `Missing ${names.id} or ${names.secret} header` });
    }
    const auth = await deps.authenticator.authenticate(kind, appId, secret);
    if (!auth) throw new AppError('unauthorized', { details: `Invalid ${names.id} or ${names.secret}` });
    // Set before the origin check: the CORS headers of a refused origin follow this key's project.
    request.auth = auth;
    if (kind === 'client' && auth.project) {
      const origin = header(request, 'origin');
      if (!isOriginTrusted(auth.project.settings.client_trusted_domains, origin)) {
        throw new AppError('forbidden', {
          details: `Origin ${origin ?? '(none)'} is not a trusted domain of this project`,
        });
      }
    }
    if (auth.project) {
      request.projectContext = {
        project: auth.project,
        store: deps.store.forProject(auth.project.id),
        clock: deps.clock,
        ids: deps.ids,
        work: deps.work,
        requestId: request.id,
      };
    }
  };
}

/** The project context of an authenticated project route. */
export function contextOf(request: FastifyRequest): ProjectContext {
  if (!request.projectContext) throw new AppError('unauthorized');
  return request.projectContext;
}
