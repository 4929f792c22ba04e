import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { setApiLanguage } from '../api/client';
import { common } from './common';

type Texts = { vi: Record<string, unknown>; en: Record<string, unknown> };

// Each feature keeps its texts in client/features/<feature>/i18n.ts, exporting `texts`
// ({ vi, en }) under its own namespace key, so features never edit a shared file.
const modules = import.meta.glob<{ texts: Texts }>('../features/*/i18n.ts', { eager: true });
const vi: Record<string, unknown> = { ...common.vi };
const en: Record<string, unknown> = { ...common.en };
for (const m of Object.values(modules)) {
  Object.assign(vi, m.texts.vi);
  Object.assign(en, m.texts.en);
}

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('bioplan.lang') : null;
const initial = saved === 'en' ? 'en' : 'vi';

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});
setApiLanguage(initial);
dayjs.locale(initial);
document.documentElement.lang = initial;

/** Switches the interface language and remembers it. */
export function setLanguage(lang: 'vi' | 'en') {
  void i18n.changeLanguage(lang);
  localStorage.setItem('bioplan.lang', lang);
  setApiLanguage(lang);
  dayjs.locale(lang);
  document.documentElement.lang = lang;
}
