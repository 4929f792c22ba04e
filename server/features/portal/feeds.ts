import type { PublishedFeedbackDto } from '../../../shared/contracts/feedback.js';
import { esc } from './html.js';
import { PAGES, PORTAL } from './layout.js';

/** The Atom feed of published answers, newest first. */
export function answersFeed(origin: string, title: string, answers: PublishedFeedbackDto[], updated: string): string {
  const entries = answers.map((a) => {
    const when = a.answeredAt ?? updated;
    return `<entry>
<id>${esc(`${origin}${PAGES.answers}#${a.id}`)}</id>
<title>${esc(a.subject)}</title>
<updated>${esc(when)}</updated>
<link rel="alternate" type="text/html" href="${esc(`${origin}${PAGES.answers}`)}"/>
<summary>${esc(a.text)}</summary>
<content type="text">${esc(a.answer)}</content>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<id>${esc(`${origin}${PORTAL}/feed.atom`)}</id>
<title>${esc(title)}</title>
<updated>${esc(answers[0]?.answeredAt ?? updated)}</updated>
<author><name>${esc(title)}</name></author>
<link rel="self" type="application/atom+xml" href="${esc(`${origin}${PORTAL}/feed.atom`)}"/>
<link rel="alternate" type="text/html" href="${esc(`${origin}${PAGES.answers}`)}"/>
${entries.join('\n')}
</feed>
`;
}

/** Every portal page, in both languages. */
export function sitemap(origin: string): string {
  const urls = Object.values(PAGES).flatMap((p) => [`${origin}${p}`, `${origin}${p}?lang=en`]);
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `<url><loc>${esc(u)}</loc></url>`).join('\n')}
</urlset>
`;
}

/** Robots may read the portal and the public feedback form; the staff application and the API are not for them. */
export function robots(origin: string): string {
  return `User-agent: *
Allow: ${PORTAL}
Allow: /gop-y
Disallow: /api/
Disallow: /dang-nhap

Sitemap: ${origin}/sitemap.xml
`;
}
