import { z } from 'zod';
import { ROLES } from '../domain.js';
import { LIMITS } from '../limits.js';
import { Id, PageQuery, paged, SortDir } from './common.js';
import { UserDto } from './auth.js';

const Password = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);

export const CreateUserRequest = z.strictObject({
  /** Login e-mail, unique. */
  email: z.string().trim().toLowerCase().max(LIMITS.email).pipe(z.email()),
  /** Full name. */
  name: z.string().trim().min(1).max(LIMITS.name),
  /** Role of the account. */
  role: z.enum(ROLES),
  /** Required for a unit officer: the unit it acts for. */
  orgUnitId: Id.optional().nullable(),
  /** Initial password, at least 10 characters. */
  password: Password,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.name).optional(),
  role: z.enum(ROLES).optional(),
  orgUnitId: Id.nullable().optional(),
  /** false deactivates the account and ends its sessions. */
  isActive: z.boolean().optional(),
  /** A new password (reset); ends the account's sessions. */
  password: Password.optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const ListUsersQuery = PageQuery.extend({
  role: z.enum(ROLES).optional(),
  /** Sort column. */
  sort: z.enum(['name', 'email', 'role', 'createdAt']).default('name'),
  order: SortDir('asc'),
});

export const UserListResponse = paged(UserDto);
export { UserDto };
