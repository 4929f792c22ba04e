import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import {
  AttachmentDto,
  AttachmentListResponse,
  AttachmentParams,
  BulkAcceptRequest,
  BulkAcceptResponse,
  IdempotencyKeyHeader,
  ListReportsQuery,
  PreferHeader,
  prefersMinimal,
  ReportDiffQuery,
  ReportDiffResponse,
  ReportDto,
  ReportHistoryResponse,
  ReportListResponse,
  ReportSavedDto,
  ReturnReportRequest,
  SaveReportRequest,
  SubmitReportRequest,
} from '../../../shared/contracts/reporting.js';
import { ReportDerivedResponse } from '../../../shared/contracts/prefill.js';
import { msg } from '../../lib/errors.js';
import { readFile } from '../../lib/uploads.js';
import * as attachments from './attachments.service.js';
import { checkReportWriter } from './report-access.js';
import * as prefill from './prefill.service.js';
import * as read from './report-read.service.js';
import * as write from './report-write.service.js';
import * as review from './review.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['reports'];

/** A save's or submission's answer: the full report, or its new state only (Prefer: return=minimal). */
const changeAnswer = z.union([ReportDto, ReportSavedDto]);

/** Whether the client asked for the short answer; says so back (Preference-Applied, RFC 7240). */
function minimal(prefer: string | undefined, reply: FastifyReply): boolean {
  if (!prefersMinimal(prefer)) return false;
  reply.header('preference-applied', 'return=minimal');
  return true;
}

/** Reports: read, save, submit, return, accept, history, diff, attachments. */
export const reportRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/reports',
    {
      schema: {
        tags,
        summary: 'Reports (a unit officer sees its own unit only)',
        querystring: ListReportsQuery,
        response: { 200: ReportListResponse, ...errors },
      },
    },
    async (req) => read.listReports(req.ctx, req.query),
  );
  api.post(
    '/reports/accept',
    {
      schema: {
        tags,
        summary: 'Accept many submitted reports',
        body: BulkAcceptRequest,
        response: { 200: BulkAcceptResponse, ...errors },
      },
    },
    async (req) => review.bulkAccept(req.ctx, req.body.reportIds),
  );
  api.get(
    '/reports/:id',
    { schema: { tags, summary: 'A report', params: IdParams, response: { 200: ReportDto, ...errors } } },
    async (req) => read.getReport(req.ctx, req.params.id),
  );
  api.put(
    '/reports/:id',
    {
      schema: {
        tags,
        summary: 'Save the draft (409 when version is stale; Prefer: return=minimal answers the new state only)',
        params: IdParams,
        headers: PreferHeader,
        body: SaveReportRequest,
        response: { 200: changeAnswer, ...errors },
      },
    },
    async (req, reply) =>
      write.saveReport(req.ctx, req.params.id, req.body, { minimal: minimal(req.headers.prefer, reply) }),
  );
  api.post(
    '/reports/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit (Idempotency-Key header: the same key records one submission)',
        params: IdParams,
        headers: IdempotencyKeyHeader.extend(PreferHeader.shape),
        body: SubmitReportRequest,
        response: { 200: changeAnswer, ...errors },
      },
    },
    async (req, reply) =>
      write.submitReport(req.ctx, req.params.id, {
        idempotencyKey: req.headers['idempotency-key'],
        version: req.body?.version,
        minimal: minimal(req.headers.prefer, reply),
      }),
  );
  api.post(
    '/reports/:id/return',
    {
      schema: {
        tags,
        summary: 'Return to the unit with a reason',
        params: IdParams,
        body: ReturnReportRequest,
        response: { 200: ReportDto, ...errors },
      },
    },
    async (req) => review.returnReport(req.ctx, req.params.id, req.body.reason),
  );
  api.post(
    '/reports/:id/accept',
    {
      schema: { tags, summary: 'Accept a submitted report', params: IdParams, response: { 200: ReportDto, ...errors } },
    },
    async (req) => review.acceptReport(req.ctx, req.params.id),
  );
  api.get(
    '/reports/:id/history',
    {
      schema: {
        tags,
        summary: 'Versions: who, when, what, why',
        params: IdParams,
        response: { 200: ReportHistoryResponse, ...errors },
      },
    },
    async (req) => read.getHistory(req.ctx, req.params.id),
  );
  api.get(
    '/reports/:id/derived',
    {
      schema: {
        tags,
        summary:
          "Values derived from the unit's records of the data window, typed values beside, and narrative prefill",
        params: IdParams,
        response: { 200: ReportDerivedResponse, ...errors },
      },
    },
    async (req) => prefill.getDerived(req.ctx, req.params.id),
  );
  api.get(
    '/reports/:id/diff',
    {
      schema: {
        tags,
        summary: 'Differences between two submitted versions',
        params: IdParams,
        querystring: ReportDiffQuery,
        response: { 200: ReportDiffResponse, ...errors },
      },
    },
    async (req) => read.getDiff(req.ctx, req.params.id, req.query.from, req.query.to),
  );
  api.get(
    '/reports/:id/attachments',
    {
      schema: { tags, summary: 'Attachments', params: IdParams, response: { 200: AttachmentListResponse, ...errors } },
    },
    async (req) => attachments.listAttachments(req.ctx, req.params.id),
  );
  api.post(
    '/reports/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attach a file (multipart field "file"; PDF, DOCX, XLSX, JPEG, PNG; ≤ 20 MB)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: AttachmentDto, ...errors, 413: ErrorResponse, 415: ErrorResponse },
      },
      // Before the body is read: an anonymous or foreign upload is answered, not buffered.
      preHandler: async (req) => checkReportWriter(req.ctx, req.params.id),
    },
    async (req, reply) => {
      const file = await readFile(req, msg('Chưa chọn tệp đính kèm', 'No file attached'));
      return reply.status(201).send(await attachments.uploadAttachment(req.ctx, req.params.id, file));
    },
  );
  api.get(
    '/reports/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment',
        params: AttachmentParams,
        response: { 404: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (req, reply) => {
      const file = await attachments.downloadAttachment(req.ctx, req.params.id, req.params.attachmentId);
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('content-type', file.mimeType)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('x-content-sha256', file.sha256)
        .send(file.body as never);
    },
  );
  api.delete(
    '/reports/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Remove an attachment from an editable report',
        params: AttachmentParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await attachments.deleteAttachment(req.ctx, req.params.id, req.params.attachmentId);
      return reply.status(204).send(null);
    },
  );
};
