import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import { ListOrgUnitsQuery, OrgUnitDetailDto, OrgUnitListResponse } from '../../../shared/contracts/org-units.js';
import * as service from './org-units.service.js';

export const orgUnitRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/org-units',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Units valid on a date, searchable without diacritics',
        querystring: ListOrgUnitsQuery,
        response: { 200: OrgUnitListResponse, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (req) => service.listOrgUnits(req.ctx, req.query),
  );
  api.get(
    '/org-units/:id',
    {
      schema: {
        tags: ['org-units'],
        summary: 'One unit with its predecessors and successors',
        params: IdParams,
        response: { 200: OrgUnitDetailDto, 404: ErrorResponse },
      },
    },
    async (req) => service.getOrgUnit(req.ctx, req.params.id),
  );
};
