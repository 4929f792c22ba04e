// Data generator of the reporting benchmarks (and of a whole province for demos): units,
// unit officers with ready sessions, a 300-value form, open cycles and reports in every state.
// Rows are written with plain SQL in batches so 5,000 units take seconds.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { WASTE_STREAMS } from '../shared/domain.js';
import { foldText } from '../shared/text.js';
import type { Db } from '../server/db/client.js';
import {
  indicators,
  orgUnits,
  plans,
  reportCycles,
  reports,
  sessions,
  users,
  type FrozenIndicator,
} from '../server/db/schema/index.js';
import { hashPassword } from '../server/lib/passwords.js';

export interface BenchUnit {
  id: string;
  code: string;
  userId: string;
  /** Cookie value and CSRF token of a signed-in session. */
  cookie: string;
  csrf: string;
}

const KINDS = ['enterprise', 'commune', 'ward', 'department', 'institute', 'school'] as const;

/** Units (valid from 2025-07-01), one officer each with a live session (no argon2 per user: one hash shared). */
export async function generateUnits(
  db: Db,
  n: number,
  prefix: string,
  opts: { withUsers?: boolean } = {},
): Promise<BenchUnit[]> {
  const rows = Array.from({ length: n }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    const name = `${kind === 'enterprise' ? 'Công ty TNHH Sinh học' : kind === 'commune' ? 'Xã' : kind === 'ward' ? 'Phường' : 'Đơn vị'} ${prefix} ${i + 1}`;
    return {
      code: `${prefix}-${String(i + 1).padStart(5, '0')}`,
      name,
      fullName: name,
      kind,
      validFrom: '2025-07-01',
      searchText: foldText(`${name} ${prefix}-${i + 1}`),
    };
  });
  const ids: Array<{ id: string; code: string }> = [];
  for (let i = 0; i < rows.length; i += 1000) {
    ids.push(
      ...(await db
        .insert(orgUnits)
        .values(rows.slice(i, i + 1000))
        .returning({ id: orgUnits.id, code: orgUnits.code })),
    );
  }
  if (!opts.withUsers) return ids.map((u) => ({ ...u, userId: '', cookie: '', csrf: '' }));
  const hash = await hashPassword(`Bench-${randomBytes(6).toString('hex')}`);
  const out: BenchUnit[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const slice = ids.slice(i, i + 1000);
    const us = await db
      .insert(users)
      .values(
        slice.map((u) => ({
          email: `${u.code.toLowerCase()}@bench.vn`,
          name: `Cán bộ ${u.code}`,
          role: 'unit' as const,
          orgUnitId: u.id,
          passwordHash: hash,
          searchText: u.code.toLowerCase(),
        })),
      )
      .returning({ id: users.id, orgUnitId: users.orgUnitId });
    const sess = us.map((u) => ({
      token: randomBytes(24).toString('base64url'),
      csrf: randomBytes(16).toString('hex'),
      userId: u.id,
      orgUnitId: u.orgUnitId!,
    }));
    await db.insert(sessions).values(
      sess.map((s) => ({
        id: createHash('sha256').update(s.token).digest('hex'),
        userId: s.userId,
        csrfToken: s.csrf,
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
      })),
    );
    for (const s of sess)
      out.push({
        id: s.orgUnitId,
        code: slice.find((x) => x.id === s.orgUnitId)!.code,
        userId: s.userId,
        cookie: `bioplan_session=${s.token}`,
        csrf: s.csrf,
      });
  }
  return out;
}

/** A signed-in account of another role (focal, leader). */
export async function generateAccount(
  db: Db,
  role: 'focal' | 'leader',
): Promise<{ cookie: string; csrf: string; id: string }> {
  const [u] = await db
    .insert(users)
    .values({
      email: `${role}-${randomBytes(4).toString('hex')}@bench.vn`,
      name: `Bench ${role}`,
      role,
      passwordHash: await hashPassword(`Bench-${randomBytes(6).toString('hex')}`),
    })
    .returning({ id: users.id });
  const token = randomBytes(24).toString('base64url');
  const csrf = randomBytes(16).toString('hex');
  await db.insert(sessions).values({
    id: createHash('sha256').update(token).digest('hex'),
    userId: u.id,
    csrfToken: csrf,
    expiresAt: new Date(Date.now() + 7 * 86_400_000),
  });
  return { cookie: `bioplan_session=${token}`, csrf, id: u.id };
}

/** A form of `fields` values: by-stream integer indicators (4 values each). */
export async function generateForm(db: Db, fields: number, prefix: string): Promise<FrozenIndicator[]> {
  const count = Math.ceil(fields / WASTE_STREAMS.length);
  const rows = Array.from({ length: count }, (_, i) => ({
    code: `${prefix}-${String(i + 1).padStart(3, '0')}`,
    name: `Chỉ tiêu thử ${i + 1}`,
    nameEn: `Bench indicator ${i + 1}`,
    unit: 'tấn/năm',
    valueType: 'integer' as const,
    byWasteStream: true,
    isRequired: i === 0,
    min: 0,
    max: null,
    position: 1000 + i,
    planItemKeys: [],
    isActive: false,
  }));
  await db.insert(indicators).values(rows).onConflictDoNothing();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    nameEn: r.nameEn,
    unit: r.unit,
    valueType: r.valueType,
    byWasteStream: true,
    isRequired: r.isRequired,
    min: 0,
    max: null,
    position: r.position,
  }));
}

/** An open cycle whose expected units are `units`, with a frozen form (no narrative sections). */
export async function generateCycle(
  db: Db,
  year: number,
  units: Array<{ id: string }>,
  form: FrozenIndicator[],
): Promise<string> {
  const [plan] = await db.select({ id: plans.id }).from(plans).limit(1);
  const [cycle] = await db
    .insert(reportCycles)
    .values({
      planId: plan.id,
      year,
      windowStart: `${year}-01-01`,
      windowEnd: `${year}-12-31`,
      deadline: `${year}-11-30`,
      graceDays: 5,
      status: 'open',
      form: { indicators: form },
      openedAt: new Date(),
      indicatorCodes: form.map((f) => f.code),
    })
    .returning({ id: reportCycles.id });
  for (let i = 0; i < units.length; i += 1000) {
    const ids = units.slice(i, i + 1000).map((u) => u.id);
    await db.execute(sql`
      insert into cycle_expected_unit (cycle_id, org_unit_id, code, name, full_name, kind, search_text, source, sections, deadline)
      select ${cycle.id}, id, code, name, full_name, kind, search_text, 'plan', '[]'::jsonb, ${`${year}-11-30`}::date
      from org_unit where id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
  }
  return cycle.id;
}

/** Reports in every state for a share of a cycle's units (the board benchmark). */
export async function generateReportStates(db: Db, cycleId: string, units: Array<{ id: string }>): Promise<void> {
  const states = ['submitted', 'accepted', 'returned', 'draft', 'accepted', 'submitted', 'accepted'] as const;
  const rows = units
    .map((u, i) => ({ u, i }))
    .filter(({ i }) => i % 10 < 7)
    .map(({ u, i }) => {
      const status = states[i % states.length];
      const submitted = status !== 'draft';
      const late = submitted && i % 5 === 0;
      const at = new Date(late ? '2099-12-02T03:00:00Z' : '2099-11-25T03:00:00Z');
      return {
        cycleId,
        orgUnitId: u.id,
        status,
        version: 3,
        firstSubmittedAt: submitted ? at : null,
        submittedAt: submitted ? at : null,
        isLate: late,
        daysLate: late ? 2 : 0,
      };
    });
  for (let i = 0; i < rows.length; i += 1000) await db.insert(reports).values(rows.slice(i, i + 1000));
}
