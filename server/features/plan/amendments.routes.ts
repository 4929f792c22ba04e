import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AmendmentDto,
  AmendmentListResponse,
  AmendmentParams,
  ApproveAmendmentRequest,
  CreateAmendmentRequest,
  ListAmendmentsQuery,
  RejectAmendmentRequest,
  SubmitAmendmentRequest,
} from '../../../shared/contracts/amendments.js';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import * as decisions from './amendment-decisions.service.js';
import * as drafts from './amendment-drafts.service.js';
import * as service from './amendments.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const amendmentRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/plans/:id/amendments',
    {
      schema: {
        tags: ['amendments'],
        summary: 'Amendment proposals of a plan (focal, leader)',
        params: IdParams,
        querystring: ListAmendmentsQuery,
        response: { 200: AmendmentListResponse, ...errors },
      },
    },
    async (req) => service.listAmendments(req.ctx, req.params.id, req.query),
  );
  api.post(
    '/plans/:id/amendments',
    {
      schema: {
        tags: ['amendments'],
        summary: 'Draft an amendment proposal (focal)',
        params: IdParams,
        body: CreateAmendmentRequest,
        response: { 201: AmendmentDto, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await drafts.createAmendment(req.ctx, req.params.id, req.body)),
  );
  api.get(
    '/plans/:id/amendments/:amendmentId',
    {
      schema: {
        tags: ['amendments'],
        summary: 'An amendment proposal',
        params: AmendmentParams,
        response: { 200: AmendmentDto, ...errors },
      },
    },
    async (req) => service.getAmendment(req.ctx, req.params.id, req.params.amendmentId),
  );
  api.patch(
    '/plans/:id/amendments/:amendmentId',
    {
      schema: {
        tags: ['amendments'],
        summary: 'Rewrite a draft proposal (focal)',
        params: AmendmentParams,
        body: CreateAmendmentRequest,
        response: { 200: AmendmentDto, ...errors },
      },
    },
    async (req) => drafts.updateAmendment(req.ctx, req.params.id, req.params.amendmentId, req.body),
  );
  api.post(
    '/plans/:id/amendments/:amendmentId/submit',
    {
      schema: {
        tags: ['amendments'],
        summary: 'Submit a draft to the leaders (focal)',
        params: AmendmentParams,
        body: SubmitAmendmentRequest,
        response: { 200: AmendmentDto, ...errors },
      },
    },
    async (req) => drafts.submitAmendment(req.ctx, req.params.id, req.params.amendmentId),
  );
  api.post(
    '/plans/:id/amendments/:amendmentId/approve',
    {
      schema: {
        tags: ['amendments'],
        summary: 'Approve: creates the next plan version (leader)',
        params: AmendmentParams,
        body: ApproveAmendmentRequest,
        response: { 200: AmendmentDto, ...errors },
      },
    },
    async (req) => decisions.approveAmendment(req.ctx, req.params.id, req.params.amendmentId, req.body),
  );
  api.post(
    '/plans/:id/amendments/:amendmentId/reject',
    {
      schema: {
        tags: ['amendments'],
        summary: 'Reject with a comment (leader)',
        params: AmendmentParams,
        body: RejectAmendmentRequest,
        response: { 200: AmendmentDto, ...errors },
      },
    },
    async (req) => decisions.rejectAmendment(req.ctx, req.params.id, req.params.amendmentId, req.body),
  );
};
