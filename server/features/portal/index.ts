/**
 * The public portal (/cong-thong-tin): server-rendered pages in Vietnamese and English, readable
 * without JavaScript or an account, from what the plan, feedback and guidance modules publish.
 * Mounted at the root, outside /api. Other modules use only what this file exports.
 */
export { portalRoutes } from './portal.routes.js';
export { PAGES as PORTAL_PAGES } from './layout.js';
