import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import {
  GetPlanQuery,
  PlanDto,
  PlanItemListResponse,
  PlanItemsQuery,
  PlanListResponse,
} from '../../../shared/contracts/plans.js';
import * as service from './plans.service.js';

export const planRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/plans',
    { schema: { tags: ['plans'], summary: 'Plans', response: { 200: PlanListResponse, 401: ErrorResponse } } },
    async (req) => service.listPlans(req.ctx),
  );
  api.get(
    '/plans/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'A plan with its item tree and assignments',
        params: IdParams,
        querystring: GetPlanQuery,
        response: { 200: PlanDto, 404: ErrorResponse },
      },
    },
    async (req) => service.getPlan(req.ctx, req.params.id, req.query.version),
  );
  api.get(
    '/public/plan',
    {
      schema: {
        tags: ['public'],
        summary: 'The plan in force, readable without an account',
        response: { 200: PlanDto, 404: ErrorResponse },
      },
      config: { public: true },
    },
    async (req) => service.getPublicPlan(req.ctx),
  );
  api.get(
    '/plans/:id/items',
    {
      schema: {
        tags: ['plans'],
        summary: 'Plan items matching a diacritics-insensitive search',
        params: IdParams,
        querystring: PlanItemsQuery,
        response: { 200: PlanItemListResponse, 404: ErrorResponse },
      },
    },
    async (req) => service.searchItems(req.ctx, req.params.id, req.query),
  );
};
