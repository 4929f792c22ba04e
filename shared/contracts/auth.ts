import { z } from 'zod';
import { ROLES } from '../domain.js';
import { LIMITS } from '../limits.js';
import { PERMISSIONS } from '../permissions.js';

export const LoginRequest = z.strictObject({
  /** Account e-mail address. */
  email: z.string().trim().toLowerCase().max(LIMITS.email).pipe(z.email()),
  /** Password. */
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** The unit an account belongs to, as a short reference. */
export const UnitRef = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() });
export type UnitRef = z.infer<typeof UnitRef>;

export const UserDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  /** The unit a unit officer is bound to; null for other roles. */
  orgUnit: UnitRef.nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserDto = z.infer<typeof UserDto>;

export const MeResponse = z.object({
  user: UserDto,
  /** Everything this account may do; the client shows buttons from it. */
  abilities: z.array(z.enum(PERMISSIONS)),
  /** Token to send back in the x-csrf-token header on state-changing requests. */
  csrfToken: z.string(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const LoginResponse = MeResponse;
