import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams, PageQuery } from '../../../shared/contracts/common.js';
import {
  CreateFeedbackRequest,
  CreateFeedbackResponse,
  FeedbackAttachmentParams,
  FeedbackDto,
  FeedbackListResponse,
  FeedbackTrackingResponse,
  ForwardTargetsResponse,
  ListFeedbackQuery,
  PublishedFeedbackListResponse,
  TrackingParams,
  TriageFeedbackRequest,
} from '../../../shared/contracts/feedback.js';
import { readForm } from '../../lib/uploads.js';
import * as desk from './feedback.service.js';
import * as forwarding from './forwarding.js';
import * as intake from './intake.service.js';

const uploads = new WeakMap<FastifyRequest, intake.UploadedFile[]>();

/**
 * Reads a multipart request into `req.body` (fields) and memory (files) before validation, so
 * the same body schema checks JSON and form posts. Files larger than 20 MB stop the read with a
 * message naming the file; nothing has been stored yet.
 */
async function readMultipart(req: FastifyRequest): Promise<void> {
  if (!req.isMultipart()) return;
  const { fields, files } = await readForm(req, 'attachments');
  req.body = fields;
  uploads.set(req, files);
}

export const feedbackRoutes: FastifyPluginAsyncZod = async (api) => {
  api.post(
    '/feedback',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Send feedback (anyone; JSON or multipart with files in "attachments")',
        consumes: ['application/json', 'multipart/form-data'],
        body: CreateFeedbackRequest,
        response: {
          201: CreateFeedbackResponse,
          400: ErrorResponse,
          413: ErrorResponse,
          415: ErrorResponse,
          429: ErrorResponse,
        },
      },
      // Per address: a person sends a few; a script sending many is stopped without any outside service.
      config: { public: true, rateLimit: { max: 10, timeWindow: '15 minutes' } },
      preValidation: readMultipart,
    },
    async (req, reply) => {
      const created = await intake.createFeedback(req.ctx, req.body, uploads.get(req) ?? []);
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/feedback/track/:trackingCode',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Look feedback up by tracking code: status and answer only',
        params: TrackingParams,
        response: { 200: FeedbackTrackingResponse, 404: ErrorResponse, 429: ErrorResponse },
      },
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => intake.trackFeedback(req.ctx, req.params.trackingCode),
  );

  api.get(
    '/feedback/published',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Questions and answers published on the portal',
        querystring: PageQuery,
        response: { 200: PublishedFeedbackListResponse },
      },
      config: { public: true },
    },
    async (req) => desk.listPublished(req.ctx, req.query),
  );

  api.get(
    '/feedback',
    {
      schema: {
        tags: ['feedback'],
        summary: 'The feedback desk (focal: all; others: their unit’s)',
        querystring: ListFeedbackQuery,
        response: { 200: FeedbackListResponse, 401: ErrorResponse },
      },
    },
    async (req) => desk.listFeedback(req.ctx, req.query),
  );

  api.get(
    '/feedback/forward-targets',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Departments a desk item can be forwarded to (focal)',
        response: { 200: ForwardTargetsResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (req) => forwarding.listForwardTargets(req.ctx),
  );

  api.get(
    '/feedback/:id',
    {
      schema: {
        tags: ['feedback'],
        summary: 'A feedback item with its history',
        params: IdParams,
        response: { 200: FeedbackDto, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => desk.getFeedback(req.ctx, req.params.id),
  );

  api.patch(
    '/feedback/:id',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Triage: status, category, plan item, forwarding, answer, publication (focal)',
        params: IdParams,
        body: TriageFeedbackRequest,
        response: { 200: FeedbackDto, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => desk.triageFeedback(req.ctx, req.params.id, req.body),
  );

  api.get(
    '/feedback/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Download an attachment',
        params: FeedbackAttachmentParams,
      },
    },
    async (req, reply) => {
      const file = await desk.getAttachment(req.ctx, req.params.id, req.params.attachmentId);
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.body);
    },
  );
};
