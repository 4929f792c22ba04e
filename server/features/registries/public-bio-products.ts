// The portal's list of bio-products for waste treatment ("chế phẩm xử lý chất thải chăn nuôi"):
// what the bio-product registry holds that is public — name, producer's name, waste streams,
// registration number, communes where applied — and nothing personal. A product reported by
// several units is listed once (its identity: name and producer), with the communes of all.
import { and, asc, eq, like, sql, type SQL } from 'drizzle-orm';
import type { PublicBioProductList } from '../../../shared/contracts/registry-records.js';
import { WASTE_STREAMS } from '../../../shared/domain.js';
import { escapeLike, foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { registryRecords } from '../../db/schema/index.js';
import * as repo from './records.repository.js';

const PAGE_SIZE = 20;

export async function listPublicBioProducts(
  db: DbOrTx,
  query: { q?: string; wasteStream?: string; page?: number },
): Promise<PublicBioProductList> {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const where: SQL[] = [eq(registryRecords.kind, 'bio_product')];
  const folded = query.q ? foldText(query.q) : '';
  // Every word, in any order: "chế phẩm xử lý chất thải chăn nuôi" finds "Chế phẩm EM xử lý chất thải chăn nuôi".
  for (const word of folded.split(/\s+/).filter(Boolean).slice(0, 12)) {
    where.push(like(registryRecords.searchText, `%${escapeLike(word)}%`));
  }
  if (query.wasteStream && (WASTE_STREAMS as readonly string[]).includes(query.wasteStream))
    where.push(sql`${registryRecords.data} -> 'wasteStreams' @> ${JSON.stringify([query.wasteStream])}::jsonb`);
  const filter = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: sql<string>`min(${registryRecords.id}::text)`,
        name: sql<string>`min(${registryRecords.title})`,
        producer: sql<string | null>`max(${registryRecords.data} ->> 'producer')`,
        registrationNumber: sql<string | null>`max(nullif(${registryRecords.data} ->> 'registrationNumber', ''))`,
        streams: sql<unknown>`jsonb_agg(${registryRecords.data} -> 'wasteStreams')`,
        communes: sql<unknown>`jsonb_agg(${registryRecords.data} -> 'communes')`,
      })
      .from(registryRecords)
      .where(filter)
      .groupBy(registryRecords.identityKey)
      .orderBy(asc(sql`min(${registryRecords.title})`), asc(registryRecords.identityKey))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db
      .select({ total: sql<number>`count(distinct ${registryRecords.identityKey})::int` })
      .from(registryRecords)
      .where(filter),
  ]);
  const lists = (x: unknown): string[] => {
    const parsed = (typeof x === 'string' ? JSON.parse(x) : x) as Array<string[] | null>;
    return [...new Set(parsed.flatMap((l) => l ?? []))];
  };
  const communeIds = rows.flatMap((r) => lists(r.communes));
  const [producers, communes] = await Promise.all([
    repo.enterpriseNames(
      db,
      rows.flatMap((r) => (r.producer ? [r.producer] : [])),
    ),
    repo.unitNames(db, communeIds),
  ]);
  return {
    data: rows.map((r) => {
      const streams = lists(r.streams);
      return {
        id: r.id,
        name: r.name,
        producerName: r.producer ? (producers.get(r.producer) ?? null) : null,
        wasteStreams: WASTE_STREAMS.filter((s) => streams.includes(s)),
        registrationNumber: r.registrationNumber,
        communes: lists(r.communes)
          .map((id) => communes.get(id))
          .filter((n): n is string => Boolean(n))
          .sort((a, b) => a.localeCompare(b, 'vi')),
      };
    }),
    page: { page, pageSize: PAGE_SIZE, total },
  };
}
