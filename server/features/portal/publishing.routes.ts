import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common.js';
import {
  PublicationStateDto,
  PublishRequest,
  WithdrawPublicationRequest,
} from '../../../shared/contracts/publishing.js';
import * as service from './publishing.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['portal'];

/** Publishing a year's progress on the public portal (under /api/v1). */
export const publishingRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/cycles/:id/publication',
    {
      schema: {
        tags,
        summary: "What is published of the cycle's progress on the portal, and the approved text to publish from",
        params: IdParams,
        response: { 200: PublicationStateDto, ...errors },
      },
    },
    async (req) => service.getPublicationState(req.ctx, req.params.id),
  );
  api.put(
    '/cycles/:id/publication',
    {
      schema: {
        tags,
        summary: "Publish the year's progress text and figures (from the approved consolidated report) on the portal",
        params: IdParams,
        body: PublishRequest,
        response: { 200: PublicationStateDto, ...errors },
      },
    },
    async (req) => service.publish(req.ctx, req.params.id, req.body),
  );
  api.post(
    '/cycles/:id/publication/withdraw',
    {
      schema: {
        tags,
        summary: "Withdraw the year's progress from the portal",
        params: IdParams,
        body: WithdrawPublicationRequest,
        response: { 200: PublicationStateDto, ...errors },
      },
    },
    async (req) => service.withdraw(req.ctx, req.params.id, req.body),
  );
};
