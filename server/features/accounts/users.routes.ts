import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SessionListResponse, UserSessionParams } from '../../../shared/contracts/auth.js';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import {
  CreateUserRequest,
  ListUsersQuery,
  UpdateUserRequest,
  UserDto,
  UserListResponse,
} from '../../../shared/contracts/users.js';
import * as sessions from './sessions.service.js';
import * as service from './users.service.js';

export const userRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List accounts (admin)',
        querystring: ListUsersQuery,
        response: { 200: UserListResponse, 403: ErrorResponse },
      },
    },
    async (req) => service.listUsers(req.ctx, req.query),
  );
  api.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an account (admin)',
        body: CreateUserRequest,
        response: { 201: UserDto, 400: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createUser(req.ctx, req.body)),
  );
  api.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change role, unit, active flag or password (admin)',
        params: IdParams,
        body: UpdateUserRequest,
        response: { 200: UserDto, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => service.updateUser(req.ctx, req.params.id, req.body),
  );
  api.post(
    '/users/:id/unlock',
    {
      schema: {
        tags: ['users'],
        summary: 'Lift the lock set after many failed sign-ins (admin)',
        params: IdParams,
        response: { 200: UserDto, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => service.unlockUser(req.ctx, req.params.id),
  );
  api.get(
    '/users/:id/sessions',
    {
      schema: {
        tags: ['users'],
        summary: 'An account’s open sessions (admin)',
        params: IdParams,
        response: { 200: SessionListResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => sessions.listUserSessions(req.ctx, req.params.id, req.sessionId),
  );
  api.delete(
    '/users/:id/sessions/:sessionId',
    {
      schema: {
        tags: ['users'],
        summary: 'End a session of an account (admin)',
        params: UserSessionParams,
        response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      await sessions.revokeUserSession(req.ctx, req.params.id, req.params.sessionId);
      return reply.status(204).send(null);
    },
  );
};
