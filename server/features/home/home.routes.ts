import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/contracts/common.js';
import { HomeResponse } from '../../../shared/contracts/home.js';
import { getHome } from './home.service.js';

/** The home page's work queue. */
export const homeRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/home',
    {
      schema: {
        tags: ['home'],
        summary: 'My work queue: what the home page shows, by role',
        response: { 200: HomeResponse, 401: ErrorResponse },
      },
    },
    async (req) => getHome(req.ctx),
  );
};
