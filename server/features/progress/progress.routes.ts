import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/contracts/common.js';
import {
  FigureExportQuery,
  IndicatorsResponse,
  ItemsResponse,
  OverviewResponse,
  ProgressQuery,
  TimelinessResponse,
} from '../../../shared/contracts/progress.js';
import { figureCsv, figureFileName, figureXlsx } from './export.js';
import { getIndicators } from './indicators.service.js';
import { getItems } from './items.service.js';
import { figureById, getOverview } from './progress.service.js';
import { getTimeliness } from './timeliness.service.js';

const tags = ['progress'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Sends a download (the name is ASCII already). */
function sendFile(reply: FastifyReply, type: string, name: string, body: Buffer) {
  return reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`).send(body);
}

/** The dashboards (focal department, leaders, administrator): figures computed live, each with its method. */
export const progressRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/progress/overview',
    {
      schema: {
        tags,
        summary:
          "The leader's one-page overview: completeness, on-time rate, key indicators, items with no report, top difficulties",
        querystring: ProgressQuery,
        response: { 200: OverviewResponse, ...errors },
      },
    },
    async (req) => getOverview(req.ctx, req.query),
  );
  api.get(
    '/progress/items',
    {
      schema: {
        tags,
        summary: 'Progress per plan item in a cycle: units assigned and reporting, latest narrative excerpts',
        querystring: ProgressQuery,
        response: { 200: ItemsResponse, ...errors },
      },
    },
    async (req) => getItems(req.ctx, req.query),
  );
  api.get(
    '/progress/indicators',
    {
      schema: {
        tags,
        summary: 'One indicator over the years (by waste stream, by kind of unit) and per commune and ward',
        querystring: ProgressQuery,
        response: { 200: IndicatorsResponse, ...errors },
      },
    },
    async (req) => getIndicators(req.ctx, req.query),
  );
  api.get(
    '/progress/timeliness',
    {
      schema: {
        tags,
        summary: 'Timeliness and completeness per cycle, and the difficulties raised per plan item',
        querystring: ProgressQuery,
        response: { 200: TimelinessResponse, ...errors },
      },
    },
    async (req) => getTimeliness(req.ctx, req.query),
  );
  api.get(
    '/progress/export',
    {
      schema: { tags, summary: "A figure's data as CSV or XLSX", querystring: FigureExportQuery, response: errors },
    },
    async (req, reply) => {
      const { figure: id, format, ...q } = req.query;
      const f = await figureById(req.ctx, id, q);
      const body = format === 'csv' ? figureCsv(f) : await figureXlsx(f);
      const name = figureFileName(f, [q.indicator, q.year], format);
      return sendFile(reply, MIME[format], name, body);
    },
  );
};
