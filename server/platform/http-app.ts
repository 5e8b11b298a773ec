// The HTTP application: Fastify with zod validation at every edge, the OpenAPI document generated from
// the same schemas, security headers, cookies and sessions, CSRF checks, rate limits on chosen routes,
// one error handler with one error shape, and the built web app with SPA fallback.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import type { Config } from './config.ts';
import { CSRF_COOKIE, CSRF_HEADER, isCrossSite, newCsrfToken, tokensMatch } from './csrf.ts';
import { type DatabaseHandle, isReachable } from './database.ts';
import { eventsRoutes } from './events.routes.ts';
import { AppError, errorBody, STATUS_OF_KIND } from './http-errors.ts';
import { type RealtimeHub, startRealtimeHub } from './realtime.ts';
import { resolveSession, SESSION_COOKIE, type Viewer } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
    /** The anonymous CSRF token of this browser (cookie), created on first GET /api/v1/session. */
    anonymousCsrf: string | undefined;
  }
  interface FastifyInstance {
    database: DatabaseHandle;
    config: Config;
    /** This process's live-event hub: one LISTEN, fanned out to the open event streams. */
    realtime: RealtimeHub;
  }
  interface FastifyContextConfig {
    /** Routes that skip the CSRF check (none that change state). */
    skipCsrf?: boolean;
  }
}

export interface HttpAppOptions {
  database: DatabaseHandle;
  config: Config;
  routes: FastifyPluginAsync[];
  /** Folder of the built web app (index.html and assets); absent in API-only tests. */
  webDir?: string;
  logger?: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: options.config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    genReqId: () => crypto.randomUUID(),
    // Errors the router raises before any route runs (over-long or badly encoded URLs) keep the shape too.
    frameworkErrors: (error, _request, reply) => {
      const status =
        error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void (reply as unknown as FastifyReply)
        .status(status)
        .send(errorBody(status === 414 ? 'uri-too-long' : 'bad-url', error.message));
    },
  });
  app.decorate('database', options.database);
  app.decorate('config', options.config);
  const realtime = await startRealtimeHub(options.database);
  app.decorate('realtime', realtime);
  // Runs after preClose has ended the open streams, so no subscriber outlives the hub.
  app.addHook('onClose', () => realtime.close());
  app.decorateRequest('viewer', null);
  app.decorateRequest('anonymousCsrf', undefined);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Security headers (CSP, nosniff, frame-ancestors, HSTS …) from helmet, its middleware built once:
  // @fastify/helmet rebuilt it — parsing the CSP directives — on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) =>
      done(error instanceof Error ? error : undefined),
    );
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      new AppError(
        'rate-limited',
        'rate-limited',
        `too many requests: try again in ${Math.ceil(context.ttl / 1000)} s`,
      ),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cabildo API',
        version: '1',
        description: 'Federated councils: members, federation, ledger.',
      },
    },
    transform: jsonSchemaTransform,
  });
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 },
    (_r, body, done) => done(null, body),
  );

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.viewer = await resolveSession(options.database.db, token);
    request.anonymousCsrf = request.cookies[CSRF_COOKIE];
    if (!UNSAFE.has(request.method) || request.routeOptions.config.skipCsrf) return;
    if (isCrossSite(request.headers, request.headers.host)) {
      throw new AppError('forbidden', 'cross-site-request', 'cross-site requests may not change state');
    }
    const sent = request.headers[CSRF_HEADER];
    const expected = request.viewer ? request.viewer.csrfToken : request.anonymousCsrf;
    if (!tokensMatch(typeof sent === 'string' ? sent : undefined, expected)) {
      throw new AppError(
        'forbidden',
        'csrf-token-invalid',
        'missing or wrong x-csrf-token header: fetch GET /api/v1/session and send its csrfToken',
        CSRF_HEADER,
      );
    }
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(STATUS_OF_KIND[error.kind]).send(errorBody(error.code, error.message, error.field));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const params = (first?.params ?? {}) as { keys?: string[] };
      const path = (first?.instancePath ?? '').split('/').filter(Boolean);
      const field = params.keys?.[0]
        ? [...path, params.keys[0]].join('.')
        : path.join('.') || error.validationContext;
      const where = error.validationContext ?? 'request';
      return reply
        .status(400)
        .send(
          errorBody(
            'invalid-request',
            `${where}${field ? ` field ${field}` : ''}: ${first?.message ?? 'invalid'}`,
            field,
          ),
        );
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = CLIENT_ERROR_CODES[error.code] ?? 'bad-request';
      return reply.status(status).send(errorBody(code, error.message));
    }
    request.log.error({ err: error, reqId: request.id }, 'unexpected error');
    return reply.status(500).send(errorBody('internal-error', `unexpected error (request ${request.id})`));
  });

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    const ok = await isReachable(options.database.db);
    return reply.status(ok ? 200 : 503).send({
      status: ok ? 'ok' : 'unavailable',
      database: ok ? 'reachable' : 'unreachable',
      kind: options.database.kind,
    });
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(eventsRoutes, { prefix: '/api/v1' });
  for (const routes of options.routes) await app.register(routes, { prefix: '/api/v1' });

  const webDir = options.webDir;
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDir, wildcard: true, index: false, maxAge: '1h' });
    // The page itself is never cached: a new build's asset names reach the browser at once.
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false }),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !isApiPath(request) && !request.url.startsWith('/assets/') && hasWeb) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    }
    return reply
      .status(404)
      .send(errorBody('not-found', `no route ${request.method} ${request.url.split('?')[0]}`));
  });
  return app;
}

function isApiPath(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url.startsWith('/healthz');
}

/** Fastify's own client errors, mapped to stable codes. */
const CLIENT_ERROR_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
  FST_ERR_VALIDATION: 'invalid-request',
};

/** For GET /api/v1/session: hand an anonymous browser its CSRF token, setting the cookie on first visit. */
export function anonymousCsrfToken(request: FastifyRequest, setCookie: (token: string) => void): string {
  if (request.anonymousCsrf && request.anonymousCsrf.length <= 64) return request.anonymousCsrf;
  const token = newCsrfToken();
  setCookie(token);
  return token;
}
