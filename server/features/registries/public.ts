// The public part of the enterprise registry (issue 13, the portal): enterprises producing
// bio-preparations, with what they make and which waste streams it treats. Only fields about the
// firm's production are read; no tax code (a household business's is its owner's personal
// number), no reporting unit, no author, no observation note.
import { asc, eq, sql } from 'drizzle-orm';
import { WASTE_STREAMS, type WasteStream } from '../../../shared/domain.js';
import { WASTE_STREAM_LABELS } from '../../../shared/reporting-rules.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { enterprises, orgUnits } from '../../db/schema/index.js';

export interface PublicEnterprise {
  id: string;
  name: string;
  /** The xã/phường of the address, by its full name ('' when not given). */
  commune: string;
  sector: string;
  products: Array<{ name: string; wasteStreams: WasteStream[] }>;
  /** Years of production at industrial scale. */
  industrialYears: number[];
  /** The waste streams its products treat, in the registry's order. */
  wasteStreams: WasteStream[];
  updatedAt: string;
}

/**
 * Words a citizen uses for a waste stream, so that "chất thải chăn nuôi" finds a product that
 * treats agricultural waste. Every entry is a bio-preparation maker for waste treatment.
 */
const STREAM_WORDS: Record<WasteStream, string> = {
  agri: 'nông nghiệp chăn nuôi trồng trọt thủy sản lâm nghiệp phân hữu cơ',
  medical: 'y tế bệnh viện',
  industrial: 'công nghiệp khu công nghiệp nhà máy',
  domestic: 'sinh hoạt rác thải hộ gia đình đô thị',
};
const EVERY_ENTRY = 'chế phẩm sinh học vi sinh xử lý chất thải';

function folded(e: PublicEnterprise): string {
  return foldText(
    [
      e.name,
      e.commune,
      e.sector,
      EVERY_ENTRY,
      ...e.products.map((p) => p.name),
      ...e.wasteStreams.flatMap((s) => [WASTE_STREAM_LABELS[s].vi, STREAM_WORDS[s]]),
    ].join(' '),
  );
}

/** True when every word of the query is in the entry (diacritics and case ignored). */
export function matchesPublicQuery(haystack: string, q: string): boolean {
  const words = foldText(q).split(' ').filter(Boolean);
  return words.every((w) => haystack.includes(w));
}

/**
 * Every enterprise that produces bio-preparations (a product listed or a year at industrial
 * scale), by name, optionally filtered by a query over name, commune, sector, products and waste
 * streams. A province holds hundreds of such firms: the filter runs on the read rows.
 */
export async function listPublicEnterprises(db: DbOrTx, q = ''): Promise<PublicEnterprise[]> {
  const rows = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      commune: orgUnits.fullName,
      sector: enterprises.sector,
      products: enterprises.products,
      industrialYears: enterprises.industrialYears,
      updatedAt: enterprises.updatedAt,
    })
    .from(enterprises)
    .leftJoin(orgUnits, eq(orgUnits.id, enterprises.communeId))
    .where(sql`(cardinality(${enterprises.industrialYears}) > 0 or jsonb_array_length(${enterprises.products}) > 0)`)
    .orderBy(asc(enterprises.name), asc(enterprises.id));
  const list = rows.map((r): PublicEnterprise => {
    const streams = new Set(r.products.flatMap((p) => p.wasteStreams));
    return {
      id: r.id,
      name: r.name,
      commune: r.commune ?? '',
      sector: r.sector,
      products: r.products.map((p) => ({ name: p.name, wasteStreams: [...p.wasteStreams] })),
      industrialYears: [...r.industrialYears].sort((a, b) => a - b),
      wasteStreams: WASTE_STREAMS.filter((s) => streams.has(s)),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
  if (!q.trim()) return list;
  return list.filter((e) => matchesPublicQuery(folded(e), q));
}
