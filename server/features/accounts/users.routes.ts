import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import {
  CreateUserRequest,
  ListUsersQuery,
  UpdateUserRequest,
  UserDto,
  UserListResponse,
} from '../../../shared/contracts/users.js';
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
};
