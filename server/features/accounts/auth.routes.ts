import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordRequest,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  LoginRequest,
  LoginResponse,
  MeResponse,
  ResetPasswordRequest,
  SessionListResponse,
  SessionParams,
  UnlockRequest,
} from '../../../shared/contracts/auth.js';
import { ErrorResponse } from '../../../shared/contracts/common.js';

import { requireActor } from '../../lib/access.js';
import { AppError } from '../../lib/errors.js';
import * as auth from './auth.service.js';
import { SESSION_COOKIE } from './auth.service.js';
import * as passwords from './password.service.js';
import * as sessions from './sessions.service.js';

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
      // A flood guard only: failures are throttled per account and address in the database
      // (throttle.ts), and right passwords never count, so a province behind one gateway signs in.
      config: { public: true, rateLimit: { max: 600, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      try {
        const { token, me } = await auth.login(req.ctx, req.body, { userAgent: req.headers['user-agent'] });
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: req.protocol === 'https',
          maxAge: auth.SESSION_TTL_MS / 1000,
        });
        return me;
      } catch (e) {
        const retry = e instanceof AppError ? e.details?.retryAfterSeconds : undefined;
        if (typeof retry === 'number') reply.header('retry-after', String(retry));
        throw e;
      }
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

  api.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password; every other session of the account ends',
        body: ChangePasswordRequest,
        response: { 200: MeResponse, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (req) => {
      const me = await passwords.changeOwnPassword(req.ctx, req.sessionId!, req.body);
      return { ...me, csrfToken: req.csrfToken! };
    },
  );

  api.post(
    '/auth/password/forgot',
    {
      schema: {
        tags: ['auth'],
        summary: 'E-mail a single-use password reset link (when SMTP is configured)',
        body: ForgotPasswordRequest,
        response: { 202: ForgotPasswordResponse, 400: ErrorResponse, 429: ErrorResponse },
      },
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => reply.status(202).send(await passwords.requestPasswordReset(req.ctx, req.body.email)),
  );

  api.post(
    '/auth/password/reset',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a new password from an e-mailed reset link',
        body: ResetPasswordRequest,
        response: { 204: z.null(), 400: ErrorResponse, 429: ErrorResponse },
      },
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await passwords.resetPassword(req.ctx, req.body);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/auth/unlock',
    {
      schema: {
        tags: ['auth'],
        summary: 'Lift the lock of an account from the e-mailed unlock link',
        body: UnlockRequest,
        response: { 204: z.null(), 400: ErrorResponse, 429: ErrorResponse },
      },
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await passwords.unlockByLink(req.ctx, req.body.token);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/auth/sessions',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user’s open sessions',
        response: { 200: SessionListResponse, 401: ErrorResponse },
      },
    },
    async (req) => sessions.listOwnSessions(req.ctx, req.sessionId),
  );

  api.delete(
    '/auth/sessions/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'End one of one’s own sessions',
        params: SessionParams,
        response: { 204: z.null(), 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      await sessions.revokeOwnSession(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
