import { periodOf, periodPhrase } from '../../../shared/periods.js';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { ReminderDto, SendRemindersRequest } from '../../../shared/contracts/reporting.js';
import { formatDate, vietnamDate } from '../../../shared/format.js';
import { dueReminderSlot } from '../../../shared/deadlines.js';
import { routes } from '../../../shared/routes.js';
import type { Config } from '../../config.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { reminderLog, reportCycles } from '../../db/schema/index.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { msg } from '../../lib/errors.js';
import { enqueueMail, isMailConfigured } from '../../lib/mail.js';
import { notExpectedUnitIds } from './compiling-agency.js';
import * as repo from './cycles.repository.js';
import { insertNotifications, unitAccounts } from '../notifications/index.js';
import { cycleNotOpen, enforceCycle, loadCycle } from './cycles.service.js';
import { canRemind } from './policy.js';
import { iso, person, toCycleUnitDto } from './reporting.dto.js';

/** Advisory lock key of the reminder schedule: one instance runs it at a time. */
export const REMINDER_LOCK_KEY = 1953003;

type ReminderRow = typeof reminderLog.$inferSelect;

function toReminderDto(r: ReminderRow, e: repo.ExpectedUnitRow): ReminderDto {
  return {
    id: r.id,
    unit: toCycleUnitDto(e),
    at: iso(r.at)!,
    trigger: r.trigger.startsWith('manual:') ? 'manual' : r.trigger.split(':').slice(0, 2).join(':'),
    sentBy: r.sentBy || r.sentByName ? person(r.sentBy, r.sentByName, null) : null,
    emails: r.emails,
    channels: r.channels,
  };
}

/**
 * Records and queues reminders to `units` (all of them expected, none submitted) in the caller's
 * transaction: one reminder-log line per unit (a trigger fires once per unit: the unique index
 * stops a second instance or a retry), an in-app notice per unit officer, and an e-mail job
 * when SMTP is configured. The e-mail leaves after commit, through the job queue.
 */
async function remindUnits(
  tx: DbOrTx,
  config: Config,
  opts: {
    cycle: repo.CycleRow;
    units: repo.ExpectedUnitRow[];
    trigger: (u: repo.ExpectedUnitRow) => string;
    actor: Actor | null;
    at: Date;
    note?: string;
  },
): Promise<ReminderDto[]> {
  const { cycle, units, at } = opts;
  if (units.length === 0) return [];
  const accounts = await unitAccounts(
    tx,
    units.map((u) => u.orgUnitId),
  );
  const byUnit = new Map<string, typeof accounts>();
  for (const a of accounts) byUnit.set(a.orgUnitId!, [...(byUnit.get(a.orgUnitId!) ?? []), a]);
  const mail = isMailConfigured(config);
  const sent: ReminderDto[] = [];
  for (const u of units) {
    const people = byUnit.get(u.orgUnitId) ?? [];
    const emails = mail ? people.map((p) => p.email) : [];
    const channels: Array<'in_app' | 'email'> = emails.length ? ['in_app', 'email'] : ['in_app'];
    const [row] = await tx
      .insert(reminderLog)
      .values({
        cycleId: cycle.id,
        orgUnitId: u.orgUnitId,
        trigger: opts.trigger(u),
        at,
        sentBy: opts.actor?.id ?? null,
        sentByName: opts.actor?.name ?? null,
        emails,
        channels,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) continue;
    const daysLeft = Math.round((Date.parse(u.deadline) - Date.parse(vietnamDate(at))) / 86_400_000);
    const when =
      daysLeft > 0
        ? msg(`còn ${daysLeft} ngày`, `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`)
        : daysLeft === 0
          ? msg('hôm nay là hạn cuối', 'today is the last day')
          : msg(`đã quá hạn ${-daysLeft} ngày`, `${-daysLeft} day${daysLeft === -1 ? '' : 's'} overdue`);
    const title = msg(
      `Nhắc nộp báo cáo ${periodPhrase(periodOf(cycle), 'vi')}: hạn ${formatDate(u.deadline)} (${when.vi})`,
      `Reminder: the ${periodPhrase(periodOf(cycle), 'en')} report is due ${u.deadline} (${when.en})`,
    );
    const link = routes.myReports();
    const paragraphs = (lines: string[]) => lines.filter(Boolean).join('\n\n');
    const body = msg(
      paragraphs([
        `Kính gửi ${u.fullName},`,
        `Đơn vị chưa gửi báo cáo đánh giá kết quả thực hiện Kế hoạch 1953/KH-UBND ${periodPhrase(periodOf(cycle), 'vi')}. Hạn nộp: ${formatDate(u.deadline)} (${when.vi}).`,
        opts.note ?? '',
        `Nộp báo cáo tại: ${config.publicUrl}${link}`,
      ]),
      paragraphs([
        `To ${u.fullName},`,
        `Your unit has not yet sent its ${periodPhrase(periodOf(cycle), 'en')} report on the implementation of Plan 1953/KH-UBND. Deadline: ${u.deadline} (${when.en}).`,
        opts.note ?? '',
        `Send the report at: ${config.publicUrl}${link}`,
      ]),
    );
    await insertNotifications(
      tx,
      people.map((p) => ({ userId: p.id, kind: 'reminder', title, body, link, createdAt: at })),
    );
    // The e-mail has no request language: it is written in Vietnamese.
    if (emails.length) await enqueueMail(tx, config, { to: emails, subject: title.vi, text: body.vi });
    await repo.updateExpected(tx, cycle.id, u.orgUnitId, { lastRemindedAt: at });
    sent.push(toReminderDto(row, u));
  }
  await writeAudit(tx, {
    actor: opts.actor,
    action: opts.actor ? 'cycle.remind' : 'cycle.remind.auto',
    entityType: 'report_cycle',
    entityId: cycle.id,
    data: { units: sent.map((s) => s.unit.id), trigger: sent[0]?.trigger ?? null },
    at,
  });
  return sent;
}

/** Sends reminders now to every expected unit that has not submitted (or the listed ones among them). */
export async function sendReminders(ctx: Ctx, id: string, input: SendRemindersRequest) {
  const actor = requireAccess(ctx, 'cycle.manage');
  const data = await ctx.db.transaction(async (tx) => {
    const cycle = await loadCycle(tx, id);
    enforceCycle(canRemind(actor, cycle), () => cycleNotOpen(cycle));
    let units = await repo.unitsNotSubmitted(tx, id, await notExpectedUnitIds(tx, id));
    if (input.orgUnitIds) {
      const wanted = new Set(input.orgUnitIds);
      units = units.filter((unit) => wanted.has(unit.orgUnitId));
    }
    const batch = randomUUID();
    return remindUnits(tx, ctx.config, {
      cycle,
      units,
      trigger: () => `manual:${batch}`,
      actor,
      at: ctx.clock.now(),
      note: input.note,
    });
  });
  return { data };
}

/** Who was reminded when, newest first. */
export async function listReminders(ctx: Ctx, id: string) {
  requireAccess(ctx, 'completeness.read');
  await loadCycle(ctx.db, id);
  const rows = await repo.listReminders(ctx.db, id);
  return { data: rows.map(({ r, e }) => toReminderDto(r, e)) };
}

/**
 * The scheduled reminders: for every open cycle, units that have not submitted get the reminder
 * due today (N days before their own deadline, or after it; N from BIOPLAN_REMINDER_DAYS). Safe
 * with several instances: one holds the advisory lock, and each (unit, slot) is logged once.
 * Returns the reminders sent, or null when another instance held the lock.
 */
export async function runReminderSchedule(db: Db, config: Config, now: Date): Promise<ReminderDto[] | null> {
  return db.transaction(async (tx) => {
    const got = await tx.execute(sql`select pg_try_advisory_xact_lock(${REMINDER_LOCK_KEY}) as ok`);
    const ok = (
      (got as unknown as { rows?: Array<{ ok: boolean }> }).rows ?? (got as unknown as Array<{ ok: boolean }>)
    )[0]?.ok;
    if (!ok) return null;
    const today = vietnamDate(now);
    const cycles = await tx.select().from(reportCycles).where(eq(reportCycles.status, 'open'));
    const sent: ReminderDto[] = [];
    for (const cycle of cycles) {
      const units = await repo.unitsNotSubmitted(tx, cycle.id, await notExpectedUnitIds(tx, cycle.id));
      const due = units
        .map((u) => ({ u, slot: dueReminderSlot(u.deadline, config.reminderDays, today) }))
        .filter((x): x is { u: repo.ExpectedUnitRow; slot: number } => x.slot !== null);
      if (due.length === 0) continue;
      const slotOf = new Map(due.map((d) => [d.u.orgUnitId, d.slot]));
      sent.push(
        ...(await remindUnits(tx, config, {
          cycle,
          units: due.map((d) => d.u),
          // The unit's deadline is part of the trigger: an extension starts its own reminders.
          trigger: (u) => `auto:${slotOf.get(u.orgUnitId)}:${u.deadline}`,
          actor: null,
          at: now,
        })),
      );
    }
    return sent;
  });
}
