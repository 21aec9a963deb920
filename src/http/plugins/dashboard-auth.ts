import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findOpenableProject, findSignedInUser } from '../../app/dashboard/dashboard-sessions.js';
import type { DashboardUser } from '../../domain/dashboard/dashboard-user.js';
import { AppError } from '../../domain/errors.js';
import type { AppDeps } from '../app-deps.js';

/** The cookie that carries a dashboard session's token (HTTP-only, same-site strict). */
export const DASHBOARD_COOKIE = 'vouch_dashboard';
/**
 * Every dashboard call carries this header. A page on another site can make a browser send the
 * cookie, but cannot add a header without a CORS preflight this server never grants: so a request
 * with the cookie and without the header is refused, whatever it asks.
 */
export const DASHBOARD_HEADER = 'x-vouch-dashboard';
/** The project a dashboard call works in, among those its user may open. */
export const DASHBOARD_PROJECT_HEADER = 'x-vouch-project';

export function dashboardToken(request: FastifyRequest): string | undefined {
  const token = request.cookies?.[DASHBOARD_COOKIE];
  return token === undefined || token === '' ? undefined : token;
}

export function hasDashboardSession(request: FastifyRequest): boolean {
  return dashboardToken(request) !== undefined;
}

export function requireDashboardHeader(request: FastifyRequest): void {
  if (request.headers[DASHBOARD_HEADER] !== '1') {
    throw new AppError('forbidden', { details: `Dashboard requests carry the header ${DASHBOARD_HEADER}: 1` });
  }
}

/** The signed-in user of a dashboard request; 401 when its session is unknown or over. */
export async function requireDashboardUser(request: FastifyRequest, deps: AppDeps): Promise<DashboardUser> {
  requireDashboardHeader(request);
  const token = dashboardToken(request);
  const user = token ? await findSignedInUser(deps.store, deps.clock, token) : undefined;
  if (!user) throw new AppError('unauthorized', { details: 'Sign in to the dashboard first' });
  return user;
}

/**
 * A dashboard session calling the server API: the signed-in user, in the project the request
 * names, if they may open it. It then acts as the project's server-side key would.
 */
export async function authenticateDashboardCall(request: FastifyRequest, deps: AppDeps): Promise<void> {
  const user = await requireDashboardUser(request, deps);
  const projectId = request.headers[DASHBOARD_PROJECT_HEADER];
  if (typeof projectId !== 'string' || projectId === '') {
    throw new AppError('invalid_payload', { details: `Name the project in the header ${DASHBOARD_PROJECT_HEADER}` });
  }
  const project = await findOpenableProject(deps.store, user, projectId);
  if (!project) throw new AppError('forbidden', { details: `You may not open the project ${projectId}` });
  request.projectContext = {
    project,
    store: deps.store.forProject(project.id),
    clock: deps.clock,
    ids: deps.ids,
    work: deps.work,
    requestId: request.id,
  };
}

/** Secure over HTTPS, and whenever the server's public address is HTTPS (a TLS proxy the server may not be told of). */
export function setDashboardCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; expires: Date; publicUrl: string },
): void {
  const { token, expires } = session;
  const options: CookieSerializeOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https' || session.publicUrl.startsWith('https:'),
    expires,
  };
  reply.setCookie(DASHBOARD_COOKIE, token, options);
}

export function clearDashboardCookie(reply: FastifyReply): void {
  reply.clearCookie(DASHBOARD_COOKIE, { path: '/' });
}
