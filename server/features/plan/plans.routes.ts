import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import {
  EndPlanRequest,
  GetPlanQuery,
  PlanDto,
  PlanItemListResponse,
  PlanItemsQuery,
  PlanLineageDto,
  PlanListResponse,
  PlansQuery,
  PlanSummaryDto,
  ReplacePlansRequest,
} from '../../../shared/contracts/plans.js';
import * as ending from './plan-end.service.js';
import * as service from './plans.service.js';
import * as replacements from './replacements.service.js';

export const planRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Plans in force, replaced or ended, with their lineage',
        querystring: PlansQuery,
        response: { 200: PlanListResponse, 401: ErrorResponse },
      },
    },
    async (req) => service.listPlans(req.ctx, req.query),
  );
  api.get(
    '/plans/:id/lineage',
    {
      schema: {
        tags: ['plans'],
        summary: 'The plans a plan replaces and the plans replacing it, with dates',
        params: IdParams,
        response: { 200: PlanLineageDto, 404: ErrorResponse },
      },
    },
    async (req) => replacements.getLineage(req.ctx, req.params.id),
  );
  api.post(
    '/plans/:id/replacements',
    {
      schema: {
        tags: ['plans'],
        summary: 'Record that this plan replaces other plans from a date',
        params: IdParams,
        body: ReplacePlansRequest,
        response: {
          200: PlanSummaryDto,
          400: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (req) => replacements.replacePlans(req.ctx, req.params.id, req.body),
  );
  api.post(
    '/plans/:id/end',
    {
      schema: {
        tags: ['plans'],
        summary: 'End a plan without a successor, from a date, with the reason',
        params: IdParams,
        body: EndPlanRequest,
        response: {
          200: PlanSummaryDto,
          400: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (req) => ending.endPlan(req.ctx, req.params.id, req.body),
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
