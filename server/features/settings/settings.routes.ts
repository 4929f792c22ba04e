import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/contracts/common.js';
import {
  AgencySettingsDto,
  UnitSignerBody,
  UnitSignerDto,
  UpdateAgencySettingsBody,
} from '../../../shared/contracts/settings.js';
import * as service from './settings.service.js';

const tags = ['settings'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse };

/** The agency's settings (administrator, focal department) and a unit's report signer (its officers). */
export const settingsRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/settings/agency',
    { schema: { tags, summary: "The agency's settings", response: { 200: AgencySettingsDto, ...errors } } },
    async (req) => service.readAgencySettings(req.ctx),
  );
  api.put(
    '/settings/agency',
    {
      schema: {
        tags,
        summary: "Saves the agency's settings (409 when changed since they were read)",
        body: UpdateAgencySettingsBody,
        response: { 200: AgencySettingsDto, ...errors },
      },
    },
    async (req) => service.updateAgencySettings(req.ctx, req.body),
  );
  api.get(
    '/settings/unit-signer',
    {
      schema: {
        tags,
        summary: "Who signs the officer's unit's report file",
        response: { 200: UnitSignerDto, ...errors },
      },
    },
    async (req) => service.readUnitSigner(req.ctx),
  );
  api.put(
    '/settings/unit-signer',
    {
      schema: {
        tags,
        summary: "Sets who signs the officer's unit's report file",
        body: UnitSignerBody,
        response: { 200: UnitSignerDto, ...errors },
      },
    },
    async (req) => service.updateUnitSigner(req.ctx, req.body),
  );
};
