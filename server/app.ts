import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { LIMITS } from '../shared/limits.js';
import { PATHS } from './paths.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { users } from './db/schema/index.js';
import { registerFeatures } from './features/index.js';
import { loadSession, SESSION_COOKIE } from './features/accounts/index.js';
import { systemClock, type Clock } from './lib/clock.js';
import type { Actor, Ctx } from './lib/context.js';
import { AppError, msg } from './lib/errors.js';
import { localiseValidation } from './lib/validation.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The service context of this request (actor, db, clock…). */
    ctx: Ctx;
    /** CSRF token of the request's session, when signed in. */
    csrfToken: string | null;
    sessionId: string | null;
    /** The signed-in account's row, read with the session (null when not signed in). */
    sessionUser: typeof users.$inferSelect | null;
  }
  interface FastifyInstance {
    databaseKind: 'pglite' | 'postgres';
  }
}

export interface AppDeps {
  database: Database;
  config: Config;
  clock?: Clock;
  /** Directory of the built client (dist/client); served when present. */
  clientDir?: string;
}


const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function languageOf(req: FastifyRequest): 'vi' | 'en' {
  const header = req.headers['accept-language'];
  return typeof header === 'string' && /^en\b/i.test(header.trim()) ? 'en' : 'vi';
}

/** Builds the HTTP application on a database; main.ts and the tests both call it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { database, config } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();

  // A POST with a JSON content type and no body (e.g. "open this cycle") is a request without a
  // body, not malformed JSON; everything else goes through Fastify's safe JSON parser.
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    defaultJson(req, body as string, done);
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      info: { title: 'bioplan API', description: 'Kế hoạch 1953/KH-UBND — API', version: '1.0.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only matters over HTTPS; a plain-HTTP intranet install must keep working.
    strictTransportSecurity: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: LIMITS.attachmentBytes, files: 5, fields: 30 } });

  app.decorate('databaseKind', database.kind);
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('sessionUser', null);

  app.addHook('onRequest', async (req, reply) => {
    let actor: Actor | null = null;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await loadSession(database.db, token, clock.now());
      if (session) {
        actor = session.actor;
        req.csrfToken = session.csrfToken;
        req.sessionUser = session.user;
        req.sessionId = session.id;
      }
    }
    req.ctx = {
      actor,
      db: database.db,
      requestId: String(req.id),
      clock,
      config,
      lang: languageOf(req),
      ip: req.ip,
    };
    reply.header('x-request-id', String(req.id));
  });

  // CSRF: a browser request that rides on the session cookie must also carry the session's
  // token in a header, which another site's page cannot read or set.
  app.addHook('preHandler', async (req) => {
    if (!MUTATING.has(req.method) || !req.sessionId) return;
    if (req.headers['x-csrf-token'] !== req.csrfToken) {
      throw new AppError('CSRF_FAILED', msg('Phiên làm việc không hợp lệ, vui lòng tải lại trang', 'Invalid session token; reload the page'), {
        status: 403,
      });
    }
  });

  app.setErrorHandler((err, req, reply) => {
    const lang = req.ctx?.lang ?? languageOf(req);
    const requestId = String(req.id);
    if (err instanceof AppError) {
      return reply.status(err.status).send({
        error: { code: err.code, message: err.messages[lang], issues: err.localIssues(lang) },
        requestId,
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const { message, issues } = localiseValidation(err.validation, err.validationContext, lang);
      return reply.status(400).send({ error: { code: 'VALIDATION_ERROR', message, issues }, requestId });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return reply.status(500).send({ error: { code: 'INTERNAL_ERROR', message: internalMessage[lang] }, requestId });
    }
    const e = err as { statusCode?: number; code?: string; message: string };
    const status = e.statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'unhandled error');
      return reply.status(500).send({ error: { code: 'INTERNAL_ERROR', message: internalMessage[lang] }, requestId });
    }
    const known = fastifyErrors[e.code ?? ''] ?? (status === 429 ? fastifyErrors.RATE_LIMIT : undefined);
    const code = known?.code ?? (status === 404 ? 'NOT_FOUND' : 'VALIDATION_ERROR');
    const message = known ? known.message[lang] : lang === 'vi' ? 'Yêu cầu không hợp lệ' : 'Invalid request';
    return reply.status(status).send({ error: { code, message }, requestId });
  });

  await app.register(
    async (api) => {
      await registerFeatures(api as never);
    },
    { prefix: '/api/v1' },
  );

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const clientDir = deps.clientDir ?? PATHS.client;
  const hasClient = existsSync(path.join(clientDir, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, { root: clientDir, prefix: '/', wildcard: false, index: false });
  }

  app.setNotFoundHandler((req, reply) => {
    const lang = req.ctx?.lang ?? languageOf(req);
    if (req.url.startsWith('/api/') || !hasClient || req.method !== 'GET') {
      return reply.status(404).send({
        error: { code: 'NOT_FOUND', message: lang === 'vi' ? 'Không tìm thấy đường dẫn' : 'Route not found' },
        requestId: String(req.id),
      });
    }
    // The client routes in the browser: every other GET answers the single page.
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}

const internalMessage = {
  vi: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.',
  en: 'Something went wrong on the server. Please try again later.',
};

const fastifyErrors: Record<string, { code: string; message: { vi: string; en: string } }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'VALIDATION_ERROR', message: msg('Nội dung JSON không hợp lệ', 'Malformed JSON body') },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'VALIDATION_ERROR', message: msg('Thiếu nội dung yêu cầu', 'Empty JSON body') },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: msg('Nội dung gửi lên quá lớn', 'Request body too large') },
  FST_REQ_FILE_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: msg('Tệp đính kèm vượt quá 20 MB', 'Attachment larger than 20 MB') },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: msg('Kiểu nội dung không được hỗ trợ', 'Unsupported content type') },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: msg('Yêu cầu phải gửi dạng multipart', 'Request must be multipart') },
  FST_ERR_VALIDATION: { code: 'VALIDATION_ERROR', message: msg('Dữ liệu không hợp lệ', 'Invalid input') },
  RATE_LIMIT: { code: 'TOO_MANY_REQUESTS', message: msg('Quá nhiều yêu cầu, vui lòng thử lại sau ít phút', 'Too many requests; try again in a few minutes') },
};
