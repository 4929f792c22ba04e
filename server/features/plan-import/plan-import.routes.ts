import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreatePlanImportRequest,
  PlanImportDto,
  PlanImportListResponse,
  PublishPlanImportRequest,
  PublishPlanImportResponse,
  UpdatePlanImportRequest,
} from '../../../shared/contracts/plan-import.js';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import { requireAbility } from '../../lib/access.js';
import type { FastifyRequest } from 'fastify';
import { invalidField, msg } from '../../lib/errors.js';
import { readFile, type Upload } from '../../lib/uploads.js';
import * as service from './plan-import.service.js';
import { canImportPlan } from './policy.js';
import { publishImport } from './publish.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['plan-imports'];
const uploads = new WeakMap<FastifyRequest, Upload>();

export const planImportRoutes: FastifyPluginAsyncZod = async (api) => {
  api.post(
    '/plan-imports',
    {
      schema: {
        tags,
        summary:
          'Import a plan from its official text: multipart field "file" (.docx, text PDF, UTF-8 text) or { text } (focal, admin)',
        body: CreatePlanImportRequest,
        response: { 201: PlanImportDto, ...errors, 413: ErrorResponse },
      },
      // Pasted text of a long plan is larger than the default 1 MB.
      bodyLimit: 8 * 1024 * 1024,
      // Before validation and before the file is read: an account that may not import is
      // answered, not buffered; then the file goes to memory and the body schema sees {}.
      preValidation: async (req) => {
        requireAbility(req.ctx, canImportPlan);
        if (!req.isMultipart()) return;
        uploads.set(req, await readFile(req, msg('Chưa chọn tệp kế hoạch', 'No plan file attached')));
        req.body = {};
      },
    },
    async (req, reply) => {
      const file = uploads.get(req);
      const input = file ? { file } : { text: req.body.text ?? '' };
      if (!file && !req.body.text) throw invalidField('text', msg('Chưa có nội dung kế hoạch', 'No plan text'));
      return reply.status(201).send(await service.createImport(req.ctx, input));
    },
  );
  api.get(
    '/plan-imports',
    {
      schema: {
        tags,
        summary: 'Recent plan imports (focal, admin)',
        response: { 200: PlanImportListResponse, ...errors },
      },
    },
    async (req) => ({ data: await service.listImports(req.ctx) }),
  );
  api.get(
    '/plan-imports/:id',
    {
      schema: {
        tags,
        summary: 'A plan import: the parsed draft, its lines, warnings and coverage',
        params: IdParams,
        response: { 200: PlanImportDto, ...errors },
      },
    },
    async (req) => service.getImport(req.ctx, req.params.id),
  );
  api.patch(
    '/plan-imports/:id',
    {
      schema: {
        tags,
        summary: 'Correct a draft: labels, titles, duties, unit mappings, boilerplate lines, header',
        params: IdParams,
        body: UpdatePlanImportRequest,
        response: { 200: PlanImportDto, ...errors },
      },
    },
    async (req) => service.updateImport(req.ctx, req.params.id, req.body),
  );
  api.post(
    '/plan-imports/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a reviewed draft as a new plan, version 1',
        params: IdParams,
        body: PublishPlanImportRequest,
        response: { 201: PublishPlanImportResponse, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await publishImport(req.ctx, req.params.id, req.body.version)),
  );
};
