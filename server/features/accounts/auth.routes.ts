import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginRequest, LoginResponse, MeResponse } from '../../../shared/contracts/auth.js';
import { ErrorResponse } from '../../../shared/contracts/common.js';

import { requireActor } from '../../lib/access.js';
import * as auth from './auth.service.js';
import { SESSION_COOKIE } from './auth.service.js';

export const authRoutes: FastifyPluginAsyncZod = async (api) => {
  api.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets an HttpOnly session cookie',
        body: LoginRequest,
        response: { 200: LoginResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
      // Per address; per account is counted in the database (auth.service).
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { token, me } = await auth.login(req.ctx, req.body);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        maxAge: auth.SESSION_TTL_MS / 1000,
      });
      return me;
    },
  );

  api.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out; the session ends on the server', response: { 204: z.null() } } },
    async (req, reply) => {
      requireActor(req.ctx);
      await auth.logout(req.ctx, req.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in account', response: { 200: MeResponse, 401: ErrorResponse } } },
    async (req) => {
      requireActor(req.ctx);
      return auth.me(req.ctx, req.sessionUser!, req.csrfToken!);
    },
  );
};
