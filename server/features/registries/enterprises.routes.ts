import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import {
  CountEnterprisesQuery,
  CreateEnterpriseRequest,
  CreateObservationRequest,
  EnterpriseCountResponse,
  EnterpriseDto,
  EnterpriseImportResponse,
  EnterpriseListResponse,
  ListEnterprisesQuery,
  LookupEnterpriseQuery,
  LookupEnterpriseResponse,
  UpdateEnterpriseRequest,
} from '../../../shared/contracts/registries.js';
import { requireAbility } from '../../lib/access.js';
import { msg } from '../../lib/errors.js';
import { readFile } from '../../lib/uploads.js';
import * as excel from './enterprises.excel.js';
import * as service from './enterprises.service.js';
import { canAddToRegistries } from './policy.js';

const tags = ['registries'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BASE = '/registries/enterprises';

/** Sends a workbook as a download (the name is ASCII: doanh-nghiep-YYYY-MM-DD.xlsx). */
function sendXlsx(reply: FastifyReply, file: { fileName: string; body: Buffer }) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);
}

/** The enterprise registry (Doanh nghiệp): list, record, observations, DN-01 count, Excel. */
export const enterpriseRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'The province-wide enterprise registry: search, filters, sorting, paging',
        querystring: ListEnterprisesQuery,
        response: { 200: EnterpriseListResponse, ...errors },
      },
    },
    async (req) => service.listEnterprises(req.ctx, req.query),
  );
  api.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Add an enterprise (201); a tax code already registered answers 200 with the existing record',
        body: CreateEnterpriseRequest,
        response: { 200: EnterpriseDto, 201: EnterpriseDto, ...errors },
      },
    },
    async (req, reply) => {
      const { created, enterprise } = await service.createEnterprise(req.ctx, req.body);
      return reply.status(created ? 201 : 200).send(enterprise);
    },
  );
  api.get(
    `${BASE}/lookup`,
    {
      schema: {
        tags,
        summary: 'The enterprise with this tax code, if registered',
        querystring: LookupEnterpriseQuery,
        response: { 200: LookupEnterpriseResponse, ...errors },
      },
    },
    async (req) => service.lookupEnterprise(req.ctx, req.query.taxCode),
  );
  api.get(
    `${BASE}/count`,
    {
      schema: {
        tags,
        summary: 'DN-01: enterprises producing at industrial scale in a year, once each by tax code',
        querystring: CountEnterprisesQuery,
        response: { 200: EnterpriseCountResponse, ...errors },
      },
    },
    async (req) => service.countIndustrialEnterprises(req.ctx, req.query.year),
  );
  api.get(
    `${BASE}/export.xlsx`,
    {
      schema: {
        tags,
        summary: 'The registry (with the list filters) as an Excel workbook',
        querystring: ListEnterprisesQuery,
        response: errors,
      },
    },
    async (req, reply) => sendXlsx(reply, await excel.exportEnterprises(req.ctx, req.query)),
  );
  api.post(
    `${BASE}/import.xlsx`,
    {
      schema: {
        tags,
        summary: 'Import enterprises from Excel (multipart field "file"); nothing is saved when a cell is refused',
        consumes: ['multipart/form-data'],
        response: { 200: EnterpriseImportResponse, ...errors, 413: ErrorResponse, 415: ErrorResponse },
      },
      // Before the body is read: an anonymous or read-only caller is answered, not buffered.
      preHandler: async (req) => {
        requireAbility(req.ctx, canAddToRegistries);
      },
    },
    async (req) => {
      const file = await readFile(req, msg('Chưa chọn tệp Excel', 'No Excel file attached'));
      return excel.importEnterprises(req.ctx, file);
    },
  );
  api.get(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'An enterprise with its observations and history',
        params: IdParams,
        response: { 200: EnterpriseDto, ...errors },
      },
    },
    async (req) => service.getEnterprise(req.ctx, req.params.id),
  );
  api.patch(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: "Change an enterprise's fields (its own unit, or the focal department)",
        params: IdParams,
        body: UpdateEnterpriseRequest,
        response: { 200: EnterpriseDto, ...errors },
      },
    },
    async (req) => service.updateEnterprise(req.ctx, req.params.id, req.body),
  );
  api.post(
    `${BASE}/:id/observations`,
    {
      schema: {
        tags,
        summary: "Add the unit's observation of an enterprise (any unit's record)",
        params: IdParams,
        body: CreateObservationRequest,
        response: { 201: EnterpriseDto, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addObservation(req.ctx, req.params.id, req.body)),
  );
};
