/**
 * The settings module: values of this installation that documents and messages use (the
 * agency's name, province, abbreviations, "Nơi nhận" lists). Seeded from data, read here.
 */
export { getAgencySettings } from './agency.js';
export type { AgencySettings } from '../../db/schema/index.js';
