// Schemas of the session, setup and password routes (and so of their OpenAPI entries).
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../core/members/index.ts';

export const password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
export const personView = z.object({ id: z.uuid(), fullName: z.string(), isAdmin: z.boolean() });

export const sessionView = z.object({
  person: personView.nullable(),
  csrfToken: z.string(),
  setupNeeded: z.boolean(),
});
export const logInBody = z.strictObject({
  login: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(PASSWORD_MAX),
});
export const signedInView = z.object({ person: personView, csrfToken: z.string() });
export const setupBody = z.strictObject({
  fullName: z.string().trim().min(1).max(200),
  login: z.string().trim().min(3).max(320),
  password,
});
export const tokenParams = z.strictObject({ token: z.string().min(10).max(100) });
export const tokenView = z.object({
  purpose: z.enum(['invitation', 'reset']),
  fullName: z.string(),
  login: z.string(),
});
export const setPasswordBody = z.strictObject({ token: z.string().min(10).max(100), password });
export const personParams = z.strictObject({ id: z.uuid() });
