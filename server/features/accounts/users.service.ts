import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { CreateUserRequest, UpdateUserRequest } from '../../../shared/contracts/users.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField, msg, notFound } from '../../lib/errors.js';
import { hashPassword } from '../../lib/passwords.js';
import { existingUnitIds } from '../org-units/index.js';
import { deleteUserSessions } from './auth.repository.js';
import { checkStrength, liftLock } from './password.service.js';
import { toUserDto } from './auth.service.js';
import { canManageUsers } from './policy.js';
import { countWhere, ordered, pageOffset, searchWhere } from '../../lib/paging.js';

async function checkUnitForRole(db: DbOrTx, role: string, orgUnitId: string | null | undefined) {
  if (role === 'unit' && !orgUnitId) {
    throw invalidField('orgUnitId', msg('Cán bộ đơn vị phải thuộc một đơn vị', 'A unit officer must belong to a unit'));
  }
  if (orgUnitId) {
    if (!(await existingUnitIds(db, [orgUnitId])).has(orgUnitId))
      throw invalidField('orgUnitId', msg('Đơn vị không tồn tại', 'Unknown unit'));
  }
}

export async function listUsers(
  ctx: Ctx,
  query: { page: number; pageSize: number; q?: string; role?: string; sort: string; order: 'asc' | 'desc' },
) {
  requireAbility(ctx, canManageUsers);
  const where: SQL[] = [];
  const search = searchWhere(users.searchText, query.q);
  if (search) where.push(search);
  if (query.role) where.push(eq(users.role, query.role as never));
  const cond = where.length ? and(...where) : undefined;
  const column =
    { name: users.name, email: users.email, role: users.role, createdAt: users.createdAt }[query.sort] ?? users.name;
  const rows = await ctx.db
    .select()
    .from(users)
    .where(cond)
    .orderBy(ordered(column, query.order), asc(users.id))
    .limit(query.pageSize)
    .offset(pageOffset(query));
  const n = await countWhere(ctx.db, users, cond);
  return {
    data: await Promise.all(rows.map((r) => toUserDto(ctx.db, r, ctx.clock.now()))),
    page: { page: query.page, pageSize: query.pageSize, total: n },
  };
}

export async function createUser(ctx: Ctx, input: CreateUserRequest) {
  const actor = requireAbility(ctx, canManageUsers);
  await checkUnitForRole(ctx.db, input.role, input.orgUnitId);
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing) {
    throw new AppError('CONFLICT', msg('Email này đã có tài khoản', 'An account with this e-mail exists'), {
      status: 409,
      issues: [{ path: 'email', message: msg('Email đã được sử dụng', 'E-mail already in use') }],
    });
  }
  checkStrength('password', input.password, input);
  const passwordHash = await hashPassword(input.password);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        orgUnitId: input.role === 'unit' ? (input.orgUnitId ?? null) : (input.orgUnitId ?? null),
        passwordHash,
        // The administrator chose it: the user replaces it at the first sign-in.
        mustChangePassword: true,
        searchText: foldText(`${input.name} ${input.email}`),
      })
      .returning();
    await writeAudit(tx, {
      actor,
      action: 'user.create',
      entityType: 'user',
      entityId: created.id,
      requestId: ctx.requestId,
      data: { email: input.email, role: input.role, orgUnitId: input.orgUnitId ?? null },
    });
    return created;
  });
  return toUserDto(ctx.db, row, ctx.clock.now());
}

export async function updateUser(ctx: Ctx, id: string, input: UpdateUserRequest) {
  const actor = requireAbility(ctx, canManageUsers);
  const [current] = await ctx.db.select().from(users).where(eq(users.id, id));
  if (!current) throw notFound(msg('Không tìm thấy tài khoản', 'Account not found'));
  const role = input.role ?? current.role;
  const orgUnitId = input.orgUnitId !== undefined ? input.orgUnitId : current.orgUnitId;
  await checkUnitForRole(ctx.db, role, orgUnitId);
  if (current.id === actor.id && (input.isActive === false || (input.role && input.role !== 'admin'))) {
    throw invalidField(
      'role',
      msg('Không thể tự khóa hoặc tự bỏ quyền quản trị của mình', 'You cannot deactivate or demote yourself'),
    );
  }
  if (input.password)
    checkStrength('password', input.password, { email: current.email, name: input.name ?? current.name });
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const row = await ctx.db.transaction(async (tx) => {
    const name = input.name ?? current.name;
    const [updated] = await tx
      .update(users)
      .set({
        name,
        role,
        orgUnitId,
        isActive: input.isActive ?? current.isActive,
        passwordHash: passwordHash ?? current.passwordHash,
        mustChangePassword: passwordHash ? true : current.mustChangePassword,
        updatedAt: ctx.clock.now(),
        searchText: foldText(`${name} ${current.email}`),
      })
      .where(eq(users.id, id))
      .returning();
    // A new password or a deactivation ends every open session of the account.
    if (passwordHash || input.isActive === false || input.role) await deleteUserSessions(tx, id);
    const { password: _omit, ...changes } = input;
    await writeAudit(tx, {
      actor,
      action: input.password ? 'user.update.password' : 'user.update',
      entityType: 'user',
      entityId: id,
      requestId: ctx.requestId,
      data: {
        changes,
        passwordReset: Boolean(input.password),
        before: { role: current.role, orgUnitId: current.orgUnitId, isActive: current.isActive },
        after: { role: updated.role, orgUnitId: updated.orgUnitId, isActive: updated.isActive },
      },
    });
    return updated;
  });
  return toUserDto(ctx.db, row, ctx.clock.now());
}

/** The admin lifts the lock set after many failed sign-ins (audited). */
export async function unlockUser(ctx: Ctx, id: string) {
  const actor = requireAbility(ctx, canManageUsers);
  const [current] = await ctx.db.select().from(users).where(eq(users.id, id));
  if (!current) throw notFound(msg('Không tìm thấy tài khoản', 'Account not found'));
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    await liftLock(tx, current, now);
    await writeAudit(tx, {
      actor,
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      requestId: ctx.requestId,
      data: { lockedUntil: current.lockedUntil?.toISOString() ?? null },
    });
    const [updated] = await tx.select().from(users).where(eq(users.id, id));
    return updated;
  });
  return toUserDto(ctx.db, row, ctx.clock.now());
}
