import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import { ImportOptions, ImportResultDto } from '../../../shared/contracts/consolidation.js';
import { msg } from '../../lib/errors.js';
import { AppError } from '../../lib/errors.js';
import { readForm } from '../../lib/uploads.js';
import { checkReportWriter } from './report-access.js';
import { importReportXlsx } from './unit-files-import.service.js';
import * as files from './unit-files.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const fileResponses = errors;
// The OpenAPI group these routes have always been listed in.
const tags = ['consolidation'];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends a generated file as a download, with its checksum when known. */
function sendFile(reply: FastifyReply, file: { fileName: string; body: Buffer; sha256?: string }, mime: string) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  reply
    .header('content-type', mime)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
  if (file.sha256) reply.header('x-content-sha256', file.sha256);
  return reply.send(file.body);
}

/** A unit's files: its report as a Word file, its Excel template, and the import of a filled one. */
export const unitFileRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/reports/:id/document.docx',
    {
      schema: {
        tags,
        summary: "One unit's report as a Word file in the state format",
        params: IdParams,
        response: fileResponses,
      },
    },
    async (req, reply) => sendFile(reply, await files.getReportDocx(req.ctx, req.params.id), DOCX_MIME),
  );
  api.get(
    '/reports/:id/template.xlsx',
    {
      schema: {
        tags,
        summary: "The report's indicator form as an Excel template, prefilled",
        params: IdParams,
        response: fileResponses,
      },
    },
    async (req, reply) => sendFile(reply, await files.getReportTemplate(req.ctx, req.params.id), XLSX_MIME),
  );
  api.post(
    '/reports/:id/import.xlsx',
    {
      schema: {
        tags,
        summary:
          'Import a filled template into the draft (multipart: file, clearBlanks, resolve, choices); conflicts with newer work and refused cells are listed',
        params: IdParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
        consumes: ['multipart/form-data'],
        response: { 200: ImportResultDto, ...errors, 413: ErrorResponse, 415: ErrorResponse },
      },
      // Before the body is read: an anonymous or foreign upload is answered, not buffered.
      preHandler: async (req) => checkReportWriter(req.ctx, req.params.id),
    },
    async (req) => {
      const form = await readForm(req, 'file');
      const file = form.files[0];
      if (!file)
        throw new AppError('VALIDATION_ERROR', msg('Chưa chọn tệp Excel', 'No Excel file attached'), {
          issues: [{ path: 'file', message: msg('Chưa chọn tệp', 'No file') }],
        });
      const options = ImportOptions.safeParse(form.fields);
      if (!options.success)
        throw new AppError('VALIDATION_ERROR', msg('Tùy chọn nhập không hợp lệ', 'Invalid import options'), {
          issues: options.error.issues.map((issue) => ({
            path: issue.path.join('.') || 'file',
            message: msg('Giá trị không hợp lệ', 'Invalid value'),
          })),
        });
      return importReportXlsx(req.ctx, req.params.id, file, { ...options.data, version: req.query.version });
    },
  );
};
