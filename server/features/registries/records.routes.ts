import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import {
  CreateRecordRequest,
  EvidenceDto,
  EvidenceListResponse,
  EvidenceParams,
  ExportRecordsQuery,
  ImportRecordsQuery,
  ListRecordsQuery,
  RecordDto,
  RecordImportResponse,
  RecordListResponse,
  UpdateRecordRequest,
} from '../../../shared/contracts/registry-records.js';
import { requireAbility } from '../../lib/access.js';
import { msg } from '../../lib/errors.js';
import { readFile } from '../../lib/uploads.js';
import * as evidence from './evidence.service.js';
import { canAddToRegistries } from './policy.js';
import * as excel from './records.excel.js';
import * as service from './records.service.js';

const tags = ['registries'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BASE = '/registries/records';

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

function sendXlsx(reply: FastifyReply, file: { fileName: string; body: Buffer }) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);
}

/** Evidence routes of one owner type (records, enterprises): list, add, download, remove. */
function evidenceRoutes(base: string, type: 'record' | 'enterprise'): FastifyPluginAsyncZod {
  return async (api) => {
    api.get(
      `${base}/:id/attachments`,
      {
        schema: {
          tags,
          summary: 'Evidence files',
          params: IdParams,
          response: { 200: EvidenceListResponse, ...errors },
        },
      },
      async (req) => evidence.listEvidence(req.ctx, { type, id: req.params.id }),
    );
    api.post(
      `${base}/:id/attachments`,
      {
        schema: {
          tags,
          summary: 'Attach an evidence file (multipart field "file"; PDF, DOCX, XLSX, JPEG, PNG; ≤ 20 MB)',
          params: IdParams,
          consumes: ['multipart/form-data'],
          response: { 201: EvidenceDto, ...errors, 413: ErrorResponse, 415: ErrorResponse },
        },
        // Before the body is read: an anonymous or foreign upload is answered, not buffered.
        preHandler: async (req) => evidence.checkEvidenceWriter(req.ctx, { type, id: req.params.id }),
      },
      async (req, reply) => {
        const file = await readFile(req, msg('Chưa chọn tệp minh chứng', 'No evidence file attached'));
        return reply.status(201).send(await evidence.addEvidence(req.ctx, { type, id: req.params.id }, file));
      },
    );
    api.get(
      `${base}/:id/attachments/:attachmentId`,
      {
        schema: {
          tags,
          summary: 'Download an evidence file',
          params: EvidenceParams,
          response: { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req, reply) =>
        sendFile(reply, await evidence.downloadEvidence(req.ctx, { type, id: req.params.id }, req.params.attachmentId)),
    );
    api.delete(
      `${base}/:id/attachments/:attachmentId`,
      {
        schema: {
          tags,
          summary: 'Remove an evidence file',
          params: EvidenceParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await evidence.deleteEvidence(req.ctx, { type, id: req.params.id }, req.params.attachmentId);
        return reply.status(204).send(null);
      },
    );
  };
}

/** The generic registries (bio-products, S&T tasks, transfers, trainings, …): one set of routes for every kind. */
export const recordRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    BASE,
    {
      schema: {
        tags,
        summary: "A registry's records (?kind=): search, filters by unit, year or window, sorting, paging",
        querystring: ListRecordsQuery,
        response: { 200: RecordListResponse, ...errors },
      },
    },
    async (req) => service.listRecords(req.ctx, req.query),
  );
  api.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Add a record (the unit officer for its unit; the focal department for any unit)',
        body: CreateRecordRequest,
        response: { 201: RecordDto, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createRecord(req.ctx, req.body)),
  );
  api.get(
    `${BASE}/export.xlsx`,
    {
      schema: {
        tags,
        summary: 'A registry (with the list filters) as an Excel workbook, the import template',
        querystring: ExportRecordsQuery,
        response: errors,
      },
    },
    async (req, reply) => sendXlsx(reply, await excel.exportRecords(req.ctx, req.query)),
  );
  api.post(
    `${BASE}/import.xlsx`,
    {
      schema: {
        tags,
        summary:
          'Import a registry from Excel (?kind=, multipart field "file"); nothing is saved when a cell is refused',
        querystring: ImportRecordsQuery,
        consumes: ['multipart/form-data'],
        response: { 200: RecordImportResponse, ...errors, 413: ErrorResponse, 415: ErrorResponse },
      },
      preHandler: async (req) => {
        requireAbility(req.ctx, canAddToRegistries);
      },
    },
    async (req) => {
      const file = await readFile(req, msg('Chưa chọn tệp Excel', 'No Excel file attached'));
      return excel.importRecords(req.ctx, req.query.kind, file);
    },
  );
  api.get(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'A record with its plan items, evidence and history',
        params: IdParams,
        response: { 200: RecordDto, ...errors },
      },
    },
    async (req) => service.getRecord(req.ctx, req.params.id),
  );
  api.patch(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: "Change a record (its unit's officer, or the focal department); the data is sent whole",
        params: IdParams,
        body: UpdateRecordRequest,
        response: { 200: RecordDto, ...errors },
      },
    },
    async (req) => service.updateRecord(req.ctx, req.params.id, req.body),
  );
  await api.register(evidenceRoutes(BASE, 'record'));
  await api.register(evidenceRoutes('/registries/enterprises', 'enterprise'));
};
