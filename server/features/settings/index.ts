/**
 * The settings module: values of this installation that documents and messages use (the
 * agency's name, province, abbreviations, "Nơi nhận" lists, signers). Seeded from data, edited on
 * the settings page (`settings.routes.ts`), read here.
 */
export { getAgencySettings } from './agency.js';
export { agencySettingsChangedAt } from './settings.service.js';
export { settingsRoutes } from './settings.routes.js';
export type { AgencySettings } from '../../db/schema/index.js';
