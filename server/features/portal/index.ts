/**
 * The public portal (/cong-thong-tin): server-rendered pages in Vietnamese and English, readable
 * without JavaScript or an account, from what the plan, feedback, guidance, registries and
 * consolidation modules publish; and the focal officer's publishing of each year's progress
 * (routes under /api/v1). Mounted at the root, outside /api. Other modules use only this file.
 */
export { portalRoutes } from './portal.routes.js';
export { publishingRoutes } from './publishing.routes.js';
export { PAGES as PORTAL_PAGES } from './layout.js';
