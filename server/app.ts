import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { Socket } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { LIMITS } from '../shared/limits.js';
import { PATHS } from './paths.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { users } from './db/schema/index.js';
import { registerFeatures } from './features/index.js';
import { loadSession, requirePasswordChanged, SESSION_COOKIE } from './features/accounts/index.js';
import { installMetrics } from './features/health/index.js';
import { portalRoutes } from './features/portal/index.js';
import { systemClock, type Clock } from './lib/clock.js';
import type { Actor, Ctx } from './lib/context.js';
import { AppError, msg } from './lib/errors.js';
import { dbErrorAnswer } from './lib/db-errors.js';
import { requireActor } from './lib/access.js';
import { databaseRateLimitStore } from './lib/rate-limit-store.js';
import { guardedValidatorCompiler, localiseValidation } from './lib/validation.js';

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
  interface FastifyContextConfig {
    /** The route answers without an account; every other /api route asks for one before reading input. */
    public?: boolean;
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
    // Off unless TRUST_PROXY lists the proxies: only their X-Forwarded-For/-Proto are believed,
    // so req.ip (rate limits, audit) and req.protocol (Secure cookies, HSTS) cannot be spoofed.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    // Errors raised before routing (a malformed URL, a path parameter over the length limit)
    // and by Node's HTTP parser (headers too large, a timeout) answer the same envelope.
    frameworkErrors: (err, req, reply) => void sendError(err, req, reply),
    clientErrorHandler: clientError,
    // While shutting down, a request arriving on an open keep-alive connection is answered
    // (with Connection: close) rather than refused with a bare 503 (server/shutdown.ts).
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();

  // A POST with a JSON content type and no body (e.g. "open this cycle") is a request without a
  // body, not malformed JSON; everything else goes through Fastify's safe JSON parser.
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    void defaultJson(req, body as string, done);
  });

  app.setValidatorCompiler(guardedValidatorCompiler);
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
  // Counters in the database: several instances on one PostgreSQL share one budget per client.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(database.db) });
  await app.register(multipart, { limits: { fileSize: LIMITS.attachmentBytes, files: 5, fields: 30 } });

  // Over HTTPS (directly, or X-Forwarded-Proto from a trusted proxy) browsers are told to keep to
  // HTTPS; a plain-HTTP intranet install gets no HSTS and keeps working.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (req, reply) => {
    // Shutting down: each connection ends with the answer in hand.
    if (closing) reply.header('connection', 'close');
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  installMetrics(app, { database, config });

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
      requestId: req.id,
      clock,
      config,
      lang: languageOf(req),
      ip: req.ip,
    };
    reply.header('x-request-id', req.id);
    refuseUnlistedContentType(req);
  });

  // CSRF: a browser request that rides on the session cookie must also carry the session's
  // token in a header, which another site's page cannot read or set.
  app.addHook('preHandler', async (req) => {
    // An account whose password the administrator set may only change it (and sign out).
    requirePasswordChanged(req.sessionUser, { url: req.url, routeUrl: req.routeOptions.url });
    if (!MUTATING.has(req.method) || !req.sessionId) return;
    if (req.headers['x-csrf-token'] !== req.csrfToken) {
      throw new AppError(
        'CSRF_FAILED',
        msg('Phiên làm việc không hợp lệ, vui lòng tải lại trang', 'Invalid session token; reload the page'),
        {
          status: 403,
        },
      );
    }
  });

  // Sign-in comes before validation: a signed-out caller of a private route gets 401 whatever it
  // sends, and learns nothing of what the route expects (the authorization matrix relies on it).
  app.addHook('preValidation', async (req) => {
    if (req.routeOptions.config.public || !req.url.startsWith('/api/')) return;
    requireActor(req.ctx);
  });

  app.setErrorHandler((err, req, reply) => sendError(err, req, reply));

  await app.register(
    async (api) => {
      await registerFeatures(api);
    },
    { prefix: '/api/v1' },
  );

  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

  // The public portal, sitemap and robots.txt: server-rendered, outside /api, before the client
  // (whose not-found handler would otherwise answer these paths with the single page).
  await app.register(portalRoutes);

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
        requestId: req.id,
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

/** Fastify's and its plugins' own errors: the code clients see, the message, and the status when Fastify's is not the right one. */
const fastifyErrors: Record<string, { code: string; message: { vi: string; en: string }; status?: number }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'VALIDATION_ERROR',
    message: msg('Nội dung JSON không hợp lệ', 'Malformed JSON body'),
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'VALIDATION_ERROR', message: msg('Thiếu nội dung yêu cầu', 'Empty JSON body') },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    message: msg('Nội dung gửi lên quá lớn', 'Request body too large'),
  },
  FST_REQ_FILE_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    message: msg('Tệp đính kèm vượt quá 20 MB', 'Attachment larger than 20 MB'),
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: msg('Kiểu nội dung không được hỗ trợ', 'Unsupported content type'),
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: msg('Yêu cầu phải gửi dạng multipart', 'Request must be multipart'),
    status: 415,
  },
  FST_PARTS_LIMIT: {
    code: 'PAYLOAD_TOO_LARGE',
    message: msg('Quá nhiều phần trong nội dung gửi lên', 'Too many parts in the request'),
    status: 413,
  },
  FST_FILES_LIMIT: { code: 'PAYLOAD_TOO_LARGE', message: msg('Quá nhiều tệp đính kèm', 'Too many files'), status: 413 },
  FST_FIELDS_LIMIT: {
    code: 'PAYLOAD_TOO_LARGE',
    message: msg('Quá nhiều trường dữ liệu', 'Too many fields'),
    status: 413,
  },
  FST_PROTO_VIOLATION: {
    code: 'VALIDATION_ERROR',
    message: msg('Tên trường không hợp lệ', 'Invalid field name'),
    status: 400,
  },
  FST_INVALID_JSON_FIELD_ERROR: {
    code: 'VALIDATION_ERROR',
    message: msg('Trường JSON không hợp lệ', 'Invalid JSON field'),
    status: 400,
  },
  FST_MP_PREMATURE_CLOSE: {
    code: 'MALFORMED_MULTIPART',
    message: msg('Nội dung tải lên không đầy đủ', 'The upload ended early'),
    status: 400,
  },
  FST_ERR_VALIDATION: { code: 'VALIDATION_ERROR', message: msg('Dữ liệu không hợp lệ', 'Invalid input') },
  FST_ERR_BAD_URL: { code: 'BAD_URL', message: msg('Đường dẫn không hợp lệ', 'Malformed URL'), status: 400 },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: 'URI_TOO_LONG',
    message: msg('Đường dẫn quá dài', 'URL path parameter too long'),
    status: 414,
  },
  RATE_LIMIT: {
    code: 'TOO_MANY_REQUESTS',
    message: msg('Quá nhiều yêu cầu, vui lòng thử lại sau ít phút', 'Too many requests; try again in a few minutes'),
  },
};

/**
 * The one error answer: `{ error: { code, message, issues? }, requestId }` in the client's
 * language, for our AppError, schema validation, database errors caused by the input,
 * Fastify's own errors (also those raised before routing, through `frameworkErrors`), and
 * unknown errors (500, logged, no internals).
 */
function sendError(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const lang = req.ctx?.lang ?? languageOf(req);
  const requestId = req.id;
  reply.header('x-request-id', requestId);
  // Answered before the body arrived (an upload refused by its access check): close the
  // connection rather than receive and discard the rest of the body.
  if (!req.raw.complete) reply.header('connection', 'close');
  const answer = err instanceof AppError ? err : dbErrorAnswer(err);
  if (answer) {
    return reply.status(answer.status).send({
      error: { code: answer.code, message: answer.messages[lang], issues: answer.localIssues(lang) },
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
  const e = err as Partial<FastifyError>;
  const known = fastifyErrors[e.code ?? ''] ?? (e.statusCode === 429 ? fastifyErrors.RATE_LIMIT : undefined);
  const status = known?.status ?? e.statusCode ?? 500;
  if (status >= 500) {
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL_ERROR', message: internalMessage[lang] }, requestId });
  }
  const code = known?.code ?? (status === 404 ? 'NOT_FOUND' : 'VALIDATION_ERROR');
  const message = known ? known.message[lang] : lang === 'vi' ? 'Yêu cầu không hợp lệ' : 'Invalid request';
  return reply.status(status).send({ error: { code, message }, requestId });
}

/**
 * A route that lists the content types it takes (`schema.consumes`) refuses any other with 415
 * before its body is read: JSON sent to an upload endpoint is answered, not parsed.
 */
function refuseUnlistedContentType(req: FastifyRequest): void {
  const consumes = (req.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes;
  const type = req.headers['content-type'];
  if (!consumes || typeof type !== 'string') return;
  const media = type.split(';')[0].trim().toLowerCase();
  if (consumes.includes(media)) return;
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    msg(
      `Kiểu nội dung không được hỗ trợ; hãy gửi ${consumes.join(' hoặc ')}`,
      `Unsupported content type; send ${consumes.join(' or ')}`,
    ),
    { status: 415 },
  );
}

const clientErrors: Record<string, { status: number; code: string; message: { vi: string; en: string } }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'HEADERS_TOO_LARGE',
    message: msg('Phần tiêu đề của yêu cầu quá lớn', 'Request headers too large'),
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'REQUEST_TIMEOUT',
    message: msg('Yêu cầu gửi quá chậm, đã hết thời gian chờ', 'The request took too long to arrive'),
  },
};

/**
 * Errors of Node's HTTP parser, before there is a request (headers over the size limit, a
 * timeout, bytes that are not HTTP): the envelope, written on the socket, then the connection
 * closes. The headers were not read, so the message is in Vietnamese, the default language.
 */
function clientError(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const known = clientErrors[err.code ?? ''] ?? {
    status: 400,
    code: 'BAD_REQUEST',
    message: msg('Yêu cầu HTTP không hợp lệ', 'Malformed HTTP request'),
  };
  const requestId = randomUUID();
  const body = JSON.stringify({ error: { code: known.code, message: known.message.vi }, requestId });
  this.log.debug({ err, requestId }, 'client error');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
