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
import { msg } from '../../lib/errors.js';
import { readFile } from '../../lib/uploads.js';
import * as service from './plan-import.service.js';
import { canImportPlan } from './policy.js';
import { publishImport } from './publish.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['plan-imports'];

export const planImportRoutes: FastifyPluginAsyncZod = async (api) => {
  api.post(
    '/plan-imports',
    {
      schema: {
        tags,
        summary: 'Import a plan from its official text: multipart field "file" (.docx, text PDF, UTF-8 text) or { text } (focal, admin)',
        body: CreatePlanImportRequest.optional(),
        response: { 201: PlanImportDto, ...errors, 413: ErrorResponse },
      },
      // Pasted text of a long plan is larger than the default 1 MB.
      bodyLimit: 8 * 1024 * 1024,
      // Before the body is read: an account that may not import is answered, not buffered.
      preHandler: async (req) => {
        requireAbility(req.ctx, canImportPlan);
      },
    },
    async (req, reply) => {
      const input = req.isMultipart()
        ? { file: await readFile(req, msg('Chưa chọn tệp kế hoạch', 'No plan file attached')) }
        : { text: req.body?.text ?? '' };
      return reply.status(201).send(await service.createImport(req.ctx, input));
    },
  );
  api.get(
    '/plan-imports',
    { schema: { tags, summary: 'Recent plan imports (focal, admin)', response: { 200: PlanImportListResponse, ...errors } } },
    async (req) => ({ data: await service.listImports(req.ctx) }),
  );
  api.get(
    '/plan-imports/:id',
    {
      schema: { tags, summary: 'A plan import: the parsed draft, its lines, warnings and coverage', params: IdParams, response: { 200: PlanImportDto, ...errors } },
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
