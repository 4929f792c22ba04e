import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ActivityDto,
  ActivityFileParams,
  ActivityListResponse,
  CreateActivityRequest,
  CreateNoteFields,
  DetailedPlanListResponse,
  ListActivitiesQuery,
  MyDetailedPlanResponse,
  SaveDetailedPlanRequest,
  UpdateActivityRequest,
} from '../../../shared/contracts/activities.js';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import { requireAbility } from '../../lib/access.js';
import { msg, notFound } from '../../lib/errors.js';
import { readFile, readForm, type Upload } from '../../lib/uploads.js';
import * as excel from './activities.excel.js';
import * as service from './activities.service.js';
import * as plans from './detailed-plans.service.js';
import * as notes from './notes.service.js';
import { canKeepActivities } from './policy.js';

const tags = ['activities'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const files = { 413: ErrorResponse, 415: ErrorResponse };
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sendFile(reply: FastifyReply, file: { fileName: string; mimeType: string; sha256: string; body: Buffer }) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', file.mimeType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('x-content-sha256', file.sha256)
    .send(file.body);
}

/** Sends a workbook as a download (the name is ASCII: hoat-dong-YYYY-MM-DD.xlsx). */
function sendXlsx(reply: FastifyReply, file: { fileName: string; body: Buffer }) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);
}

const noteFiles = new WeakMap<FastifyRequest, Upload[]>();

/** The unit's detailed plan and its activities, with progress notes and their files. */
export const activityRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/activities',
    {
      schema: {
        tags,
        summary:
          'Activities: a unit its own and those it coordinates; focal and leaders all (filters, search, sorting, paging)',
        querystring: ListActivitiesQuery,
        response: { 200: ActivityListResponse, ...errors },
      },
    },
    async (req) => service.listActivities(req.ctx, req.query),
  );
  api.post(
    '/activities',
    {
      schema: {
        tags,
        summary: 'Add an activity of the signed-in unit',
        body: CreateActivityRequest,
        response: { 201: ActivityDto, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createActivity(req.ctx, req.body)),
  );
  api.get(
    '/activities/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The activity list (with its filters) as an Excel workbook',
        querystring: ListActivitiesQuery,
        response: errors,
      },
    },
    async (req, reply) => sendXlsx(reply, await excel.exportActivities(req.ctx, req.query)),
  );
  api.get(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'An activity with its progress notes and history',
        params: IdParams,
        response: { 200: ActivityDto, ...errors },
      },
    },
    async (req) => service.getActivity(req.ctx, req.params.id),
  );
  api.patch(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Change an activity of the signed-in unit (another unit’s: 404)',
        params: IdParams,
        body: UpdateActivityRequest,
        response: { 200: ActivityDto, ...errors },
      },
    },
    async (req) => service.updateActivity(req.ctx, req.params.id, req.body),
  );
  api.post(
    '/activities/:id/notes',
    {
      schema: {
        tags,
        summary: 'Add a dated progress note (JSON, or multipart with evidence files in "files")',
        params: IdParams,
        consumes: ['application/json', 'multipart/form-data'],
        body: CreateNoteFields,
        response: { 201: ActivityDto, ...errors, ...files },
      },
      // Who may write is decided before the body is read: a foreign upload is answered, not buffered.
      preValidation: async (req) => {
        requireAbility(req.ctx, canKeepActivities);
        const id = (req.params as { id?: string }).id ?? '';
        if (!UUID.test(id)) throw notFound(service.ACTIVITY_NOT_FOUND);
        await service.editableActivity(req.ctx, id);
        if (!req.isMultipart()) return;
        const form = await readForm(req, 'files');
        req.body = form.fields as never;
        noteFiles.set(req, form.files);
      },
    },
    async (req, reply) =>
      reply.status(201).send(await notes.addNote(req.ctx, req.params.id, req.body, noteFiles.get(req) ?? [])),
  );
  api.get(
    '/activities/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Download an evidence file of a progress note',
        params: ActivityFileParams,
        response: { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => sendFile(reply, await notes.downloadFile(req.ctx, req.params.id, req.params.fileId)),
  );

  api.get(
    '/detailed-plans',
    {
      schema: {
        tags,
        summary: "Every unit's detailed plan or annual programmes (focal, leaders)",
        response: { 200: DetailedPlanListResponse, ...errors },
      },
    },
    async (req) => plans.listDetailedPlans(req.ctx),
  );
  api.get(
    '/detailed-plans/mine',
    {
      schema: {
        tags,
        summary: "The signed-in unit's detailed plan (or null)",
        response: { 200: MyDetailedPlanResponse, ...errors },
      },
    },
    async (req) => plans.myDetailedPlan(req.ctx),
  );
  api.put(
    '/detailed-plans/mine',
    {
      schema: {
        tags,
        summary: "Save the signed-in unit's detailed plan or the annual programmes it is folded into",
        body: SaveDetailedPlanRequest,
        response: { 200: MyDetailedPlanResponse, ...errors },
      },
    },
    async (req) => plans.saveDetailedPlan(req.ctx, req.body),
  );
  api.post(
    '/detailed-plans/mine/file',
    {
      schema: {
        tags,
        summary: 'Upload the signed detailed plan (multipart field "file"; PDF or DOCX by content)',
        consumes: ['multipart/form-data'],
        response: { 200: MyDetailedPlanResponse, ...errors, ...files },
      },
      preHandler: async (req) => {
        requireAbility(req.ctx, canKeepActivities);
      },
    },
    async (req) => {
      const file = await readFile(req, msg('Chưa chọn tệp kế hoạch đã ký', 'No signed file attached'));
      return plans.uploadSignedFile(req.ctx, file);
    },
  );
  api.get(
    '/detailed-plans/:id/file',
    {
      schema: {
        tags,
        summary: 'Download the signed detailed plan (its unit, focal, leaders)',
        params: IdParams,
        response: { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => sendFile(reply, await plans.downloadSignedFile(req.ctx, req.params.id)),
  );
};
