import { z } from 'zod';
import { ROLES } from '../domain.js';
import { LIMITS } from '../limits.js';
import { PERMISSIONS } from '../permissions.js';
import { Id } from './common.js';

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
  /** The administrator set the password: the user must change it before doing anything else. */
  mustChangePassword: z.boolean(),
  /** End of the hard lock after many failed sign-ins (ISO); in the past or null when not locked. */
  lockedUntil: z.string().nullable(),
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

const Password = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);

export const ChangePasswordRequest = z.strictObject({
  /** The password in use now. */
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  /** The new password: at least 10 characters, not common, not the user's name or e-mail. */
  newPassword: Password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const ForgotPasswordRequest = z.strictObject({
  /** The account's e-mail address; the answer is the same whether or not it has an account. */
  email: z.string().trim().toLowerCase().max(LIMITS.email).pipe(z.email()),
});
export type ForgotPasswordRequest = z.infer<typeof ForgotPasswordRequest>;

export const ForgotPasswordResponse = z.object({
  /** False when the server cannot send e-mail (no SMTP_URL): the user must ask the administrator. */
  mailConfigured: z.boolean(),
});
export type ForgotPasswordResponse = z.infer<typeof ForgotPasswordResponse>;

/** The token of an e-mailed link (reset or unlock). */
const LinkToken = z.string().min(20).max(200);

export const ResetPasswordRequest = z.strictObject({
  /** The token of the e-mailed link. */
  token: LinkToken,
  /** The new password. */
  password: Password,
});
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export const UnlockRequest = z.strictObject({
  /** The token of the e-mailed unlock link. */
  token: LinkToken,
});
export type UnlockRequest = z.infer<typeof UnlockRequest>;

/** One open session of an account. */
export const SessionDto = z.object({
  /** Opaque id, used to revoke it. */
  id: z.string(),
  createdAt: z.string(),
  /** Last request, to the minute. */
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  /** The address it signed in from. */
  ip: z.string().nullable(),
  /** The browser it signed in with. */
  userAgent: z.string().nullable(),
  /** The session of this very request. */
  isCurrent: z.boolean(),
});
export type SessionDto = z.infer<typeof SessionDto>;

export const SessionListResponse = z.object({ data: z.array(SessionDto) });
export type SessionListResponse = z.infer<typeof SessionListResponse>;

export const SessionParams = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{64}$/),
});
export const UserSessionParams = z.strictObject({
  id: Id,
  sessionId: z.string().regex(/^[0-9a-f]{64}$/),
});
