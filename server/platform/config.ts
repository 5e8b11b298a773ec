// Runtime configuration, read once from the environment and validated at the edge (zod).
import { resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  CABILDO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  CABILDO_DEMO: booleanFlag.default(true),
  /** Public origin used in links handed to members (invitations, password resets). */
  CABILDO_PUBLIC_URL: z.url().optional(),
  /** Requests per minute allowed on login and on the public Join form, per client address. */
  CABILDO_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  CABILDO_JOIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(5),
  CABILDO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  seedDemo: boolean;
  publicUrl: string | undefined;
  loginRateLimit: number;
  joinRateLimit: number;
  logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`invalid environment variable ${field}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.CABILDO_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    seedDemo: e.CABILDO_DEMO,
    publicUrl: e.CABILDO_PUBLIC_URL,
    loginRateLimit: e.CABILDO_LOGIN_RATE_LIMIT,
    joinRateLimit: e.CABILDO_JOIN_RATE_LIMIT,
    logLevel: e.CABILDO_LOG_LEVEL,
  };
}
