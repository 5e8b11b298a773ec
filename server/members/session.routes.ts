// Sessions (sign in, sign out, who am I), first-run setup, and passwords from one-time links.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../platform/authenticated.ts';
import { CSRF_COOKIE } from '../platform/csrf.ts';
import { anonymousCsrfToken } from '../platform/http-app.ts';
import { createSession, destroySession, SESSION_COOKIE, SESSION_DAYS } from '../platform/sessions.ts';
import { createAdministrator } from './create-administrator.ts';
import { issuePasswordReset } from './issue-password-reset.ts';
import { logIn } from './log-in.ts';
import { anyAccountExists, findUsableToken } from './members.store.ts';
import { membersError } from './members-errors.ts';
import {
  logInBody,
  personParams,
  sessionView,
  setPasswordBody,
  setupBody,
  signedInView,
  tokenParams,
  tokenView,
} from './session.schema.ts';
import { setPasswordWithToken } from './set-password.ts';

const secure = (request: FastifyRequest) =>
  request.protocol === 'https' || (request.server.config.publicUrl ?? '').startsWith('https:');

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(request),
    maxAge: SESSION_DAYS * 86_400,
  });
}

export const sessionRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;
  const loginLimit = { rateLimit: { max: fastify.config.loginRateLimit, timeWindow: '1 minute' } };

  app.get(
    '/session',
    { schema: { tags: ['members'], response: { 200: sessionView } } },
    async (request, reply) => {
      const setupNeeded = !(await anyAccountExists(db()));
      if (request.viewer) {
        const { personId, fullName, isAdmin, csrfToken } = request.viewer;
        return { person: { id: personId, fullName, isAdmin }, csrfToken, setupNeeded };
      }
      const csrfToken = anonymousCsrfToken(request, (token) =>
        reply.setCookie(CSRF_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: secure(request),
        }),
      );
      return { person: null, csrfToken, setupNeeded };
    },
  );

  app.post(
    '/session',
    { config: loginLimit, schema: { tags: ['members'], body: logInBody, response: { 200: signedInView } } },
    async (request, reply) => {
      const { session, person } = await logIn(db(), request.body.login, request.body.password);
      setSessionCookie(request, reply, session.token);
      return { person, csrfToken: session.csrfToken };
    },
  );

  app.delete('/session', { schema: { tags: ['members'] } }, async (request, reply) => {
    if (request.viewer) await destroySession(db(), request.viewer.sessionHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.post(
    '/setup',
    { config: loginLimit, schema: { tags: ['members'], body: setupBody, response: { 201: signedInView } } },
    async (request, reply) => {
      const admin = await createAdministrator(db(), request.body, { onlyIfFirst: true });
      const session = await createSession(db(), admin.personId);
      setSessionCookie(request, reply, session.token);
      return reply.status(201).send({
        person: { id: admin.personId, fullName: admin.fullName, isAdmin: true },
        csrfToken: session.csrfToken,
      });
    },
  );

  app.get(
    '/password-tokens/:token',
    { config: loginLimit, schema: { tags: ['members'], params: tokenParams, response: { 200: tokenView } } },
    async (request) => {
      const row = await findUsableToken(db(), request.params.token);
      if (!row) throw membersError('token-invalid', 'token');
      return { purpose: row.purpose, fullName: row.full_name, login: row.login };
    },
  );

  app.post(
    '/password',
    {
      config: loginLimit,
      schema: { tags: ['members'], body: setPasswordBody, response: { 200: signedInView } },
    },
    async (request, reply) => {
      const { session, person } = await setPasswordWithToken(db(), request.body.token, request.body.password);
      setSessionCookie(request, reply, session.token);
      return { person, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/persons/:id/password-reset',
    { schema: { tags: ['members'], params: personParams, response: { 201: z.object({ url: z.string() }) } } },
    async (request, reply) =>
      reply.status(201).send(await issuePasswordReset(db(), requireViewer(request), request.params.id)),
  );
};
