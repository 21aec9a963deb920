import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { projectsOf, signIn, signOut } from '../../app/dashboard/dashboard-sessions.js';
import { SignInThrottle } from '../../app/dashboard/sign-in-throttle.js';
import { MemoryWindowCounters } from '../../app/security/memory-window-counters.js';
import type { DashboardUser } from '../../domain/dashboard/dashboard-user.js';
import { AppError } from '../../domain/errors.js';
import type { Project } from '../../domain/projects/project.js';
import type { AppDeps } from '../app-deps.js';
import {
  clearDashboardCookie,
  dashboardToken,
  requireDashboardHeader,
  requireDashboardUser,
  setDashboardCookie,
} from '../plugins/dashboard-auth.js';

const tags = ['dashboard'];

const SignInBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

function sessionBody(user: DashboardUser, projects: readonly Project[]) {
  return {
    user: { id: user.id, email: user.email, role: user.role },
    // The timezone is the project's calendar: charts count its days, forms read its times.
    projects: projects.map((project) => ({ id: project.id, name: project.name, timezone: project.settings.timezone })),
  };
}

/** The dashboard's sign-in: `POST` signs in (sets the session cookie), `GET` says who is signed in, `DELETE` signs out. */
export function registerDashboardSessionRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Failed sign-ins are counted where the rate limits count (shared through Redis when set).
  const throttle = new SignInThrottle(deps.counters ?? new MemoryWindowCounters(deps.clock), deps.clock);

  app.post(
    '/dashboard/api/session',
    { schema: { hide: true, tags, summary: 'Sign in to the dashboard', body: SignInBody } },
    async (request, reply) => {
      // The header guard applies before the credentials are even looked at.
      requireDashboardHeader(request);
      const { email } = request.body;
      await throttle.admit(request.ip, email);
      let signedIn: Awaited<ReturnType<typeof signIn>>;
      try {
        signedIn = await signIn(deps.store, deps.clock, request.body);
      } catch (error) {
        if (error instanceof AppError && error.key === 'unauthorized') await throttle.recordFailure(request.ip, email);
        throw error;
      }
      // The session ended by this sign-in's cookie, if any, ends for good; expired ones are swept.
      const previous = dashboardToken(request);
      if (previous) await signOut(deps.store, previous);
      await deps.store.dashboardUsers.deleteExpiredSessions(deps.clock.now().toISOString());
      setDashboardCookie(request, reply, {
        token: signedIn.token,
        expires: signedIn.expiresAt,
        publicUrl: deps.publicUrl,
      });
      reply.header('cache-control', 'no-store');
      return sessionBody(signedIn.user, signedIn.projects);
    },
  );

  app.get('/dashboard/api/session', { schema: { hide: true, tags, summary: 'Who is signed in' } }, async (request) => {
    const user = await requireDashboardUser(request, deps);
    return sessionBody(user, await projectsOf(deps.store, user));
  });

  app.delete(
    '/dashboard/api/session',
    { schema: { hide: true, tags, summary: 'Sign out' } },
    async (request, reply) => {
      await requireDashboardUser(request, deps);
      const token = dashboardToken(request);
      if (token) await signOut(deps.store, token);
      clearDashboardCookie(reply);
      return reply.code(204).send();
    },
  );
}
