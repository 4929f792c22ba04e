import { filesEn, filesVi } from './texts.files';
import { en } from './texts.en';
import { vi } from './texts.vi';

export const texts = {
  vi: { ...vi, reporting: { ...vi.reporting, ...filesVi } },
  en: { ...en, reporting: { ...en.reporting, ...filesEn } },
};
