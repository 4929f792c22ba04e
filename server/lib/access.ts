import { hasPermission, type Permission } from '../../shared/permissions.js';
import type { Actor, Ctx } from './context.js';
import { AppError, msg, notFound, type Message } from './errors.js';

/** The signed-in actor, or 401. */
export function requireActor(ctx: Pick<Ctx, 'actor'>): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', msg('Vui lòng đăng nhập', 'Please sign in'), { status: 401 });
  return ctx.actor;
}

/**
 * The one access check (docs/CONVENTIONS.md §5). Without the permission: 403. With a resource
 * of another unit, for an account bound to a unit: 404, so its existence does not leak. Pass
 * `notFoundMessage`, the message the caller gives for an unknown record ("Không tìm thấy báo
 * cáo"), so that a hidden record and a missing one answer word for word alike.
 */
export function requireAccess(
  ctx: Pick<Ctx, 'actor'>,
  permission: Permission,
  resource?: { orgUnitId: string | null },
  notFoundMessage?: Message,
): Actor {
  const actor = requireActor(ctx);
  if (!hasPermission(actor.role, permission)) {
    if (resource) throw notFound(notFoundMessage);
    throw forbidden();
  }
  if (resource && actor.role === 'unit' && resource.orgUnitId !== actor.orgUnitId) throw notFound(notFoundMessage);
  return actor;
}

/** True when the actor reads every unit's data; false when it is limited to its own unit. */
export function seesAllUnits(actor: Actor): boolean {
  return actor.role !== 'unit';
}

/**
 * Enforces one ability of a module's policy (its `policy.ts`): 401 without an account, 403 when
 * the policy says no. The same policy functions fill the `abilities` sent to the client.
 * Checks on one record that the actor may not see answer 404 in the service, as above.
 */
export function requireAbility(ctx: Pick<Ctx, 'actor'>, can: (actor: Actor) => boolean): Actor {
  const actor = requireActor(ctx);
  if (!can(actor)) throw forbidden();
  return actor;
}

/** 403: the account lacks the permission for this action. */
export function forbidden(): AppError {
  return new AppError('FORBIDDEN', msg('Bạn không có quyền thực hiện thao tác này', 'You are not allowed to do this'), {
    status: 403,
  });
}
