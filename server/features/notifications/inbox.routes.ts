import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import {
  MarkAllReadResponse,
  NotificationDto,
  NotificationIdParams,
  NotificationListQuery,
  NotificationListResponse,
  UnreadCountResponse,
} from '../../../shared/contracts/notifications.js';
import { JobDto } from '../../../shared/contracts/reporting.js';
import * as inbox from './inbox.service.js';

/** In-app notifications of the signed-in account, and background job status. */
export const inboxRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, a page at a time',
        querystring: NotificationListQuery,
        response: { 200: NotificationListResponse, 401: ErrorResponse },
      },
    },
    async (req) => inbox.listNotifications(req.ctx, req.query),
  );
  api.get(
    '/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of my notifications are unread (the bell)',
        response: { 200: UnreadCountResponse, 401: ErrorResponse },
      },
    },
    async (req) => inbox.countUnread(req.ctx),
  );
  api.post(
    '/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        response: { 200: MarkAllReadResponse, 401: ErrorResponse },
      },
    },
    async (req) => inbox.markAllNotificationsRead(req.ctx),
  );
  api.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications read',
        params: NotificationIdParams,
        response: { 200: NotificationDto, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => inbox.markNotificationRead(req.ctx, req.params.id),
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
    async (req) => inbox.getJobStatus(req.ctx, req.params.id),
  );
};
