import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, Id, IdParams } from '../../../shared/contracts/common.js';
import {
  ChangeExpectedUnitRequest,
  ChangeUnitSectionsRequest,
  CompletenessQuery,
  CompletenessResponse,
  CreateCycleRequest,
  CreateExtensionRequest,
  CycleDto,
  CycleListResponse,
  ExpectedUnitsResponse,
  ExtensionDto,
  ExtensionListResponse,
  ListCyclesQuery,
  ReminderListResponse,
  ReportDto,
  SendRemindersRequest,
  SendRemindersResponse,
  UpdateCycleRequest,
  IndicatorListResponse,
} from '../../../shared/contracts/reporting.js';
import * as board from './board.service.js';
import * as lifecycle from './cycle-lifecycle.service.js';
import * as setup from './cycle-setup.service.js';
import * as cycles from './cycles.service.js';
import * as extensions from './extensions.service.js';
import * as reminders from './reminders.service.js';
import * as reports from './report-read.service.js';
import * as unitSections from './unit-sections.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['cycles'];
const UnitParams = IdParams.extend({ orgUnitId: Id.describe('Unit id') });

/** Reporting cycles: create, open, extensions, the completeness board, reminders. */
export const cycleRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/cycles',
    {
      schema: {
        tags,
        summary: 'Reporting cycles',
        querystring: ListCyclesQuery,
        response: { 200: CycleListResponse, ...errors },
      },
    },
    async (req) => cycles.listCycles(req.ctx, req.query),
  );
  api.post(
    '/cycles',
    {
      schema: {
        tags,
        summary: 'Create a cycle (draft) for a plan and year',
        body: CreateCycleRequest,
        response: { 201: CycleDto, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await setup.createCycle(req.ctx, req.body)),
  );
  api.get(
    '/cycles/:id',
    { schema: { tags, summary: 'A cycle', params: IdParams, response: { 200: CycleDto, ...errors } } },
    async (req) => cycles.getCycle(req.ctx, req.params.id),
  );
  api.patch(
    '/cycles/:id',
    {
      schema: {
        tags,
        summary: "Change a draft cycle's dates or form",
        params: IdParams,
        body: UpdateCycleRequest,
        response: { 200: CycleDto, ...errors },
      },
    },
    async (req) => setup.updateCycle(req.ctx, req.params.id, req.body),
  );
  api.post(
    '/cycles/:id/open',
    {
      schema: {
        tags,
        summary: 'Open the cycle: freeze the form and the expected units',
        params: IdParams,
        response: { 200: CycleDto, ...errors },
      },
    },
    async (req) => lifecycle.openCycle(req.ctx, req.params.id),
  );
  api.get(
    '/indicators',
    {
      schema: {
        tags,
        summary: "The indicator catalogue (a cycle's form is chosen from it)",
        response: { 200: IndicatorListResponse, ...errors },
      },
    },
    async (req) => cycles.listIndicators(req.ctx),
  );
  api.post(
    '/cycles/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the cycle: no more saves, submissions or extensions (reviews go on)',
        params: IdParams,
        response: { 200: CycleDto, ...errors },
      },
    },
    async (req) => lifecycle.setCycleClosed(req.ctx, req.params.id, true),
  );
  api.post(
    '/cycles/:id/reopen',
    {
      schema: { tags, summary: 'Open a closed cycle again', params: IdParams, response: { 200: CycleDto, ...errors } },
    },
    async (req) => lifecycle.setCycleClosed(req.ctx, req.params.id, false),
  );
  api.get(
    '/cycles/:id/expected-units',
    {
      schema: {
        tags,
        summary: 'Expected units with their sections and extensions',
        params: IdParams,
        response: { 200: ExpectedUnitsResponse, ...errors },
      },
    },
    async (req) => setup.listExpectedUnits(req.ctx, req.params.id),
  );
  api.post(
    '/cycles/:id/expected-units',
    {
      schema: {
        tags,
        summary: 'Add or remove an expected unit before opening (reason logged)',
        params: IdParams,
        body: ChangeExpectedUnitRequest,
        response: { 200: ExpectedUnitsResponse, ...errors },
      },
    },
    async (req) => setup.changeExpectedUnit(req.ctx, req.params.id, req.body),
  );
  api.post(
    '/cycles/:id/expected-units/:orgUnitId/sections',
    {
      schema: {
        tags,
        summary: "Add or remove a plan item of one unit's form before opening (reason logged)",
        params: UnitParams,
        body: ChangeUnitSectionsRequest,
        response: { 200: ExpectedUnitsResponse, ...errors },
      },
    },
    async (req) => unitSections.changeUnitSections(req.ctx, req.params.id, req.params.orgUnitId, req.body),
  );
  api.get(
    '/cycles/:id/extensions',
    {
      schema: {
        tags,
        summary: 'Extensions of the cycle (a unit sees its own)',
        params: IdParams,
        response: { 200: ExtensionListResponse, ...errors },
      },
    },
    async (req) => extensions.listExtensions(req.ctx, req.params.id),
  );
  api.post(
    '/cycles/:id/extensions',
    {
      schema: {
        tags,
        summary: "Extend one unit's deadline",
        params: IdParams,
        body: CreateExtensionRequest,
        response: { 201: ExtensionDto, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await extensions.createExtension(req.ctx, req.params.id, req.body)),
  );
  api.get(
    '/cycles/:id/completeness',
    {
      schema: {
        tags,
        summary: 'The completeness board: counts and units',
        params: IdParams,
        querystring: CompletenessQuery,
        response: { 200: CompletenessResponse, ...errors },
      },
    },
    async (req) => board.getCompleteness(req.ctx, req.params.id, req.query),
  );
  api.get(
    '/cycles/:id/reminders',
    {
      schema: {
        tags,
        summary: 'Who was reminded when',
        params: IdParams,
        response: { 200: ReminderListResponse, ...errors },
      },
    },
    async (req) => reminders.listReminders(req.ctx, req.params.id),
  );
  api.post(
    '/cycles/:id/reminders',
    {
      schema: {
        tags,
        summary: 'Remind now every unit that has not submitted',
        params: IdParams,
        body: SendRemindersRequest.nullish(),
        response: { 200: SendRemindersResponse, ...errors },
      },
    },
    async (req) => reminders.sendReminders(req.ctx, req.params.id, req.body ?? {}),
  );
  api.get(
    '/cycles/:id/my-report',
    {
      schema: {
        tags,
        summary: "The signed-in unit officer's report (created when the cycle opened)",
        params: IdParams,
        response: { 200: ReportDto, ...errors },
      },
    },
    async (req) => reports.getMyReport(req.ctx, req.params.id),
  );
};
