import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DiffQuery, PlanDiffResponse, PlanVersionListResponse } from '../../../shared/contracts/amendments.js';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import * as service from './versions.service.js';

export const versionRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/plans/:id/versions',
    {
      schema: {
        tags: ['plans'],
        summary: 'Versions of a plan: 1 as issued, then one per approved amendment',
        params: IdParams,
        response: { 200: PlanVersionListResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => service.listVersions(req.ctx, req.params.id),
  );
  api.get(
    '/plans/:id/diff',
    {
      schema: {
        tags: ['plans'],
        summary: 'Compare two versions item by item',
        params: IdParams,
        querystring: DiffQuery,
        response: { 200: PlanDiffResponse, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => service.diffVersions(req.ctx, req.params.id, req.query.from, req.query.to),
  );
};
