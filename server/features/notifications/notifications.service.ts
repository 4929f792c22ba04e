// Producing notices: what other modules call (through index.ts) to tell people what concerns them.
// In-app always; by e-mail too when SMTP is configured (queued in the caller's transaction, sent
// after commit). E-mails have no request language: they are written in Vietnamese.
import type { Role } from '../../../shared/domain.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import type { Message } from '../../lib/errors.js';
import { enqueueMail } from '../../lib/mail.js';
import { insertNotifications, roleAccounts, unitAccounts } from './notifications.repository.js';

/** A notice, in both languages (the inbox answers the reader's language). */
export interface UnitNotice {
  kind: string;
  title: Message;
  body: Message;
  /** A page of the client, built with `routes` of shared/routes.ts. */
  link: string;
  at: Date;
}

async function notifyAccounts(
  tx: DbOrTx,
  ctx: Pick<Ctx, 'config'> | null,
  accounts: Array<{ id: string; email: string }>,
  notice: UnitNotice,
): Promise<void> {
  await insertNotifications(
    tx,
    accounts.map((a) => ({
      userId: a.id,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link,
      createdAt: notice.at,
    })),
  );
  if (!ctx) return;
  await enqueueMail(tx, ctx.config, {
    to: accounts.map((a) => a.email),
    subject: notice.title.vi,
    text: `${notice.body.vi}\n\n${ctx.config.publicUrl}${notice.link}`,
  });
}

/** Notifies a unit's active officers in-app, and by e-mail when SMTP is configured. */
export async function notifyUnit(
  tx: DbOrTx,
  ctx: Pick<Ctx, 'config'>,
  orgUnitId: string,
  notice: UnitNotice,
): Promise<void> {
  await notifyAccounts(tx, ctx, await unitAccounts(tx, [orgUnitId]), notice);
}

/** Notifies a unit's active officers in-app only; answers whom. */
export async function notifyUnitInApp(
  tx: DbOrTx,
  orgUnitId: string,
  notice: UnitNotice,
): Promise<Array<{ id: string; email: string }>> {
  const accounts = await unitAccounts(tx, [orgUnitId]);
  await notifyAccounts(tx, null, accounts, notice);
  return accounts;
}

/** Notifies every active account of a role (e.g. the leaders), in-app and by e-mail when SMTP is configured. */
export async function notifyRole(tx: DbOrTx, ctx: Pick<Ctx, 'config'>, role: Role, notice: UnitNotice): Promise<void> {
  await notifyAccounts(tx, ctx, await roleAccounts(tx, role), notice);
}
