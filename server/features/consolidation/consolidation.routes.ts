import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import {
  ApproveConsolidationRequest,
  ConsolidationDto,
  DocumentParams,
  GenerateConsolidationRequest,
  JobStateDto,
  UpdateConsolidationRequest,
} from '../../../shared/contracts/consolidation.js';
import * as approval from './approval.service.js';
import * as service from './consolidation.service.js';
import * as documents from './document.service.js';
import * as edit from './draft-edit.service.js';
import * as generation from './generation.service.js';
import * as cycleExport from './cycle-export.service.js';
// Registers the generation and rendering job handlers with the queue.
import './consolidation.jobs.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['consolidation'];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

const fileResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

/** The consolidated report of a cycle, its Word files, and the cycle's Excel export. */
export const consolidationRoutes: FastifyPluginAsyncZod = async (api) => {
  api.post(
    '/cycles/:id/consolidation',
    {
      schema: {
        tags,
        summary: 'Create or refresh the consolidated draft (a background job; the draft shows its progress)',
        params: IdParams,
        body: GenerateConsolidationRequest,
        response: { 202: ConsolidationDto, ...errors },
      },
    },
    async (req, reply) => reply.status(202).send(await generation.startGeneration(req.ctx, req.params.id, req.body)),
  );
  api.get(
    '/cycles/:id/consolidation',
    {
      schema: {
        tags,
        summary: 'The consolidated draft (focal officers, leaders)',
        params: IdParams,
        response: { 200: ConsolidationDto, ...errors },
      },
    },
    async (req) => service.getConsolidation(req.ctx, req.params.id),
  );
  api.patch(
    '/cycles/:id/consolidation',
    {
      schema: {
        tags,
        summary:
          'Edit the draft: paragraphs (update, remove, move, add) and document settings; 409 when version is stale',
        params: IdParams,
        body: UpdateConsolidationRequest,
        response: { 200: ConsolidationDto, ...errors },
      },
    },
    async (req) => edit.updateConsolidation(req.ctx, req.params.id, req.body),
  );
  api.post(
    '/cycles/:id/consolidation/approve',
    {
      schema: {
        tags,
        summary: 'Approve the draft as it stands for signature: its Word file then carries no "DỰ THẢO" mark',
        params: IdParams,
        body: ApproveConsolidationRequest,
        response: { 200: ConsolidationDto, ...errors },
      },
    },
    async (req) => approval.approveConsolidation(req.ctx, req.params.id, req.body),
  );
  api.post(
    '/cycles/:id/consolidation/document',
    {
      schema: {
        tags,
        summary: 'Render the Word file of the draft (a background job)',
        params: IdParams,
        response: { 202: z.object({ job: JobStateDto }), ...errors },
      },
    },
    async (req, reply) => reply.status(202).send({ job: await documents.startRender(req.ctx, req.params.id) }),
  );
  api.get(
    '/cycles/:id/consolidation.docx',
    {
      schema: {
        tags,
        summary: 'The Word file of the draft as it stands (stored, with its SHA-256 in x-content-sha256)',
        params: IdParams,
        response: fileResponses,
      },
    },
    async (req, reply) =>
      sendFile(reply, await documents.getConsolidationDocx(req.ctx, req.params.id), service.DOCX_MIME),
  );
  api.get(
    '/cycles/:id/consolidation/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'A stored Word file of the draft, again',
        params: DocumentParams,
        response: fileResponses,
      },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await documents.getStoredDocument(req.ctx, req.params.id, req.params.documentId),
        service.DOCX_MIME,
      ),
  );
  api.get(
    '/cycles/:id/export.xlsx',
    {
      schema: {
        tags,
        summary: "A cycle's indicator data as Excel (focal officers, leaders)",
        params: IdParams,
        response: fileResponses,
      },
    },
    async (req, reply) => sendFile(reply, await cycleExport.exportCycleXlsx(req.ctx, req.params.id), XLSX_MIME),
  );
};
