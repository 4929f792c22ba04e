import { filesEn, filesVi } from './texts.files';
import { en } from './texts.en';
import { vi } from './texts.vi';
import { unitSectionsTexts } from './unitSections.texts';

export const texts = {
  vi: { ...vi, reporting: { ...vi.reporting, ...filesVi }, unitSections: unitSectionsTexts.vi },
  en: { ...en, reporting: { ...en.reporting, ...filesEn }, unitSections: unitSectionsTexts.en },
};
