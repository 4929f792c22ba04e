import { filesEn, filesVi } from './texts.files';
import { en } from './texts.en';
import { prefillEn, prefillVi } from './texts.prefill';
import { vi } from './texts.vi';
import { unitSectionsTexts } from './unitSections.texts';

export const texts = {
  vi: { ...vi, reporting: { ...vi.reporting, ...filesVi, ...prefillVi }, unitSections: unitSectionsTexts.vi },
  en: { ...en, reporting: { ...en.reporting, ...filesEn, ...prefillEn }, unitSections: unitSectionsTexts.en },
};
