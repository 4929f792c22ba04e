import { en } from './texts.en';
import { vi } from './texts.vi';
import { unitSectionsTexts } from './unitSections.texts';

export const texts = {
  vi: { ...vi, unitSections: unitSectionsTexts.vi },
  en: { ...en, unitSections: unitSectionsTexts.en },
};
