import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { foldText } from '../../../shared/text.js';
import type { Config } from '../../config.js';
import { hashPassword, passwordWeakness } from '../../lib/passwords.js';
import { writeAudit } from '../../lib/audit.js';
import type { Db } from '../client.js';
import { users } from '../schema/index.js';
import type { Role } from '../../../shared/domain.js';
import { unitIdByCode } from './index.js';

/** Demo accounts, one per role, created with BIOPLAN_DEMO=1. The README lists them. */
export const DEMO_PASSWORD = 'Demo@2025bioplan';
export const DEMO_ACCOUNTS: Array<{ email: string; name: string; role: Role; unitCode?: string }> = [
  { email: 'quantri@demo.bioplan.vn', name: 'Quản trị hệ thống', role: 'admin' },
  { email: 'daumoi@demo.bioplan.vn', name: 'Nguyễn Thị Đầu Mối', role: 'focal', unitCode: 'VL-SNNMT' },
  { email: 'sotaichinh@demo.bioplan.vn', name: 'Trần Văn Tài', role: 'unit', unitCode: 'VL-STC' },
  { email: 'xagiaolong@demo.bioplan.vn', name: 'Lê Thị Hòa', role: 'unit', unitCode: '28807' },
  { email: 'lanhdao@demo.bioplan.vn', name: 'Phạm Minh Lãnh Đạo', role: 'leader', unitCode: 'VL-UBND' },
];

/**
 * On start: when no admin exists, creates one from BIOPLAN_ADMIN_EMAIL / _PASSWORD, or with a
 * generated password printed once. Returns the generated password, if any.
 */
export async function ensureAccounts(db: Db, config: Config, log: (line: string) => void): Promise<void> {
  const admins = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin'));
  if (admins.length === 0) {
    const generated = !config.adminPassword;
    const weakness = config.adminPassword
      ? passwordWeakness(config.adminPassword, { email: config.adminEmail, name: 'Quản trị viên' })
      : null;
    if (weakness) {
      throw new Error(
        `BIOPLAN_ADMIN_PASSWORD quá yếu: ${weakness.vi}. Hãy đặt một mật khẩu mạnh hơn rồi khởi động lại. ` +
          `/ BIOPLAN_ADMIN_PASSWORD is too weak: ${weakness.en}. Set a stronger one and start again.`,
      );
    }
    const password = config.adminPassword ?? randomBytes(12).toString('base64url');
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          email: config.adminEmail.toLowerCase(),
          name: 'Quản trị viên',
          role: 'admin',
          passwordHash: await hashPassword(password),
          // A generated password was printed in the log: it is replaced at the first sign-in.
          mustChangePassword: generated,
          searchText: foldText(`Quản trị viên ${config.adminEmail}`),
        })
        .onConflictDoNothing()
        .returning();
      if (row)
        await writeAudit(tx, {
          actor: null,
          action: 'user.bootstrap_admin',
          entityType: 'user',
          entityId: row.id,
          data: { email: row.email },
        });
    });
    if (generated) {
      log(
        `Tài khoản quản trị đã được tạo / admin account created: ${config.adminEmail} — mật khẩu / password: ${password}`,
      );
      log('Mật khẩu này chỉ hiện một lần; hãy đổi sau khi đăng nhập. This password is shown once.');
    }
  }
  if (config.demo) {
    for (const a of DEMO_ACCOUNTS) {
      const [exists] = await db.select({ id: users.id }).from(users).where(eq(users.email, a.email));
      if (exists) continue;
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(users)
          .values({
            email: a.email,
            name: a.name,
            role: a.role,
            orgUnitId: a.unitCode ? await unitIdByCode(tx, a.unitCode) : null,
            passwordHash: await hashPassword(DEMO_PASSWORD),
            searchText: foldText(`${a.name} ${a.email}`),
          })
          .returning();
        await writeAudit(tx, {
          actor: null,
          action: 'user.demo_create',
          entityType: 'user',
          entityId: row.id,
          data: { email: a.email },
        });
      });
    }
  }
}
