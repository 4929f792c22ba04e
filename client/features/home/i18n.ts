export const texts = {
  vi: { home: { nav: 'Tổng quan', title: 'Tổng quan' } },
  en: { home: { nav: 'Overview', title: 'Overview' } },
};
