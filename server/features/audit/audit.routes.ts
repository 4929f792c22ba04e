import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AuditFacetsResponse,
  AuditFilter,
  AuditListResponse,
  ListAuditQuery,
} from '../../../shared/contracts/audit.js';
import { ErrorResponse } from '../../../shared/contracts/common.js';
import * as service from './audit.service.js';

const tags = ['audit'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook as a download named in UTF-8. */
function sendXlsx(reply: FastifyReply, file: { fileName: string; body: Buffer }) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', XLSX_MIME)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .send(file.body);
}

/** The audit log: read, filtered and paged, and exported (administrator, focal department). */
export const auditRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/audit-log',
    {
      schema: {
        tags,
        summary: 'Audit log lines, filtered by user, object, action and dates, sorted by date',
        querystring: ListAuditQuery,
        response: { 200: AuditListResponse, ...errors },
      },
    },
    async (req) => service.listAudit(req.ctx, req.query),
  );
  api.get(
    '/audit-log/facets',
    {
      schema: {
        tags,
        summary: 'The actions and object types in the audit log',
        response: { 200: AuditFacetsResponse, ...errors },
      },
    },
    async (req) => service.auditFacets(req.ctx),
  );
  api.get(
    '/audit-log/export.xlsx',
    {
      schema: { tags, summary: 'The filtered audit log as Excel', querystring: AuditFilter, response: errors },
    },
    async (req, reply) => sendXlsx(reply, await service.exportAuditXlsx(req.ctx, req.query)),
  );
};
