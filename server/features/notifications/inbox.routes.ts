import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import { JobDto, NotificationListQuery, NotificationListResponse } from '../../../shared/contracts/reporting.js';
import * as service from './notifications.service.js';

/** In-app notifications of the signed-in account, and background job status. */
export const inboxRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications',
        querystring: NotificationListQuery,
        response: { 200: NotificationListResponse, 401: ErrorResponse },
      },
    },
    async (req) => service.listNotifications(req.ctx, req.query.unreadOnly === 'true'),
  );
  api.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark a notification read',
        params: IdParams,
        response: { 200: z.object({ ok: z.literal(true) }), 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => service.markNotificationRead(req.ctx, req.params.id),
  );
  api.get(
    '/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Status and progress of a background job',
        params: IdParams,
        response: { 200: JobDto, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => service.getJobStatus(req.ctx, req.params.id),
  );
};
