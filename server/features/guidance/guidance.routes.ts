import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateGuidanceDocumentRequest,
  GuidanceDocumentDto,
  GuidanceDocumentListResponse,
  ListGuidanceDocumentsQuery,
  UpdateGuidanceDocumentRequest,
} from '../../../shared/contracts/amendments.js';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import * as service from './guidance.service.js';

export const guidanceRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/guidance-documents',
    {
      schema: {
        tags: ['guidance'],
        summary: 'Guidance documents (Ministry instructions, national decisions)',
        querystring: ListGuidanceDocumentsQuery,
        response: { 200: GuidanceDocumentListResponse, 401: ErrorResponse },
      },
    },
    async (req) => service.listGuidance(req.ctx, req.query),
  );
  api.get(
    '/guidance-documents/:id',
    {
      schema: {
        tags: ['guidance'],
        summary: 'A guidance document',
        params: IdParams,
        response: { 200: GuidanceDocumentDto, 404: ErrorResponse },
      },
    },
    async (req) => service.getGuidance(req.ctx, req.params.id),
  );
  api.post(
    '/guidance-documents',
    {
      schema: {
        tags: ['guidance'],
        summary: 'Register a guidance document (focal)',
        body: CreateGuidanceDocumentRequest,
        response: { 201: GuidanceDocumentDto, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createGuidance(req.ctx, req.body)),
  );
  api.patch(
    '/guidance-documents/:id',
    {
      schema: {
        tags: ['guidance'],
        summary: 'Update a guidance document: status, replacement, linked items (focal)',
        params: IdParams,
        body: UpdateGuidanceDocumentRequest,
        response: { 200: GuidanceDocumentDto, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => service.updateGuidance(req.ctx, req.params.id, req.body),
  );
};
