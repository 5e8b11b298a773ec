// Factories for server tests (Outline-style buildX): a real server on a real database (PGlite, or the
// PostgreSQL server named by TEST_DATABASE_URL), councils, members and officers built through the same
// import paths the product uses, and an HTTP client that carries cookies and the CSRF token.
import http from 'node:http';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import type { Office } from '../core/federation/index.ts';
import { normaliseLogin } from '../core/members/index.ts';
import { buildServer } from './build-server.ts';
import {
  apportionCouncilSeats,
  type ElectionResultInput,
  importCouncilRows,
  insertOffice,
  recordElectionResult,
  setApportionmentRule,
} from './federation/index.ts';
import { hashPassword, importMemberRows } from './members/index.ts';
import { type Config, readConfig } from './platform/config.ts';
import type { Db } from './platform/database.ts';
import type { Viewer } from './platform/sessions.ts';
import { openTestDatabase, type TestDatabase } from './platform/test-database.ts';

export interface TestServer {
  app: FastifyInstance;
  db: Db;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const database = await openTestDatabase();
  const config = { ...readConfig({}), loginRateLimit: 1000, joinRateLimit: 1000, ...overrides };
  const app = await buildServer(database, config);
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function buildCouncil(
  db: Db,
  c: {
    kind?: string;
    parentId?: string | null;
    name?: string;
    level?: string | null;
    answerDays?: number;
  } = {},
): Promise<string> {
  const kind = (c.kind ?? 'neighbourhood') as 'neighbourhood';
  const key = unique();
  const { ids } = await db.transaction().execute((tx) =>
    importCouncilRows(
      tx,
      null,
      [
        {
          key,
          name: c.name ?? `Council ${key}`,
          kind,
          level: c.level ?? (kind === ('federation' as string) ? 'regional' : null),
          territory: `Territory ${key}`,
          sector: null,
          parentKey: null,
          answerDays: c.answerDays ?? 7,
        },
      ],
      c.parentId ?? null,
    ),
  );
  return ids[key]!;
}

export const TEST_PASSWORD = 'a-long-test-password';
let testHash: string | undefined;

/** A member of `councilId` with an email login and the test password. */
export async function buildMember(db: Db, councilId: string, fullName = `Member ${unique()}`) {
  const login = `m${unique()}@example.org`;
  testHash ??= await hashPassword(TEST_PASSWORD);
  const hash = testHash;
  const personId = await db.transaction().execute(async (tx) => {
    const normalised = normaliseLogin(login);
    if (!normalised.ok) throw new Error('bad test login');
    const { personIds } = await importMemberRows(tx, null, councilId, [
      {
        fullName,
        email: login,
        phone: null,
        homePlace: 'Calle 1',
        workPlace: null,
        login,
        loginKind: 'email',
      },
    ]);
    await sql`update accounts set password_hash = ${hash} where login = ${login}`.execute(tx);
    return personIds[0]!;
  });
  return { personId, login, password: TEST_PASSWORD, fullName };
}

export async function buildOfficer(db: Db, councilId: string, office: Office = 'secretary') {
  const member = await buildMember(db, councilId);
  await insertOffice(db, councilId, office, member.personId);
  return member;
}

export async function buildAdmin(db: Db) {
  testHash ??= await hashPassword(TEST_PASSWORD);
  const login = `admin${unique()}@example.org`;
  const personId = (
    await sql<{ id: string }>`insert into persons (full_name) values ('Admin') returning id`.execute(db)
  ).rows[0]!.id;
  await sql`insert into accounts (person_id, login, login_kind, password_hash, is_admin)
            values (${personId}, ${login}, 'email', ${testHash}, true)`.execute(db);
  return { personId, login, password: TEST_PASSWORD };
}

/** The signed-in person as a use case sees them, for calling use cases without HTTP. */
export function viewerOf(personId: string, isAdmin = false): Viewer {
  return { personId, fullName: 'Test viewer', isAdmin, csrfToken: '', sessionHash: '' };
}

/** Gives every child of a federated council `seatsPerChild` seats (the 'fixed' rule), as an administrator. */
export async function buildApportionment(db: Db, federationId: string, seatsPerChild: number) {
  const admin = viewerOf((await buildAdmin(db)).personId, true);
  await setApportionmentRule(db, admin, federationId, { method: 'fixed', seatsPerChild });
  return apportionCouncilSeats(db, admin, federationId);
}

/**
 * Records an election result of `sendingCouncilId` for its seats above, as its secretary: winners and
 * substitutes in order, with descending votes; a one-year term unless given.
 */
export async function buildElectionResult(
  db: Db,
  sendingCouncilId: string,
  winners: readonly string[],
  substitutes: readonly string[] = [],
  overrides: Partial<ElectionResultInput> = {},
) {
  // Straight into persons and offices: a federated council has no members of its own to import.
  const secretaryId = (
    await sql<{ id: string }>`insert into persons (full_name) values ('Secretary') returning id`.execute(db)
  ).rows[0]!.id;
  await insertOffice(db, sendingCouncilId, 'secretary', secretaryId);
  const total = winners.length + substitutes.length;
  return recordElectionResult(db, viewerOf(secretaryId), sendingCouncilId, {
    sheetReference: `Acta ${unique()}`,
    tellers: ['Teller One', 'Teller Two'],
    winners: winners.map((personId, i) => ({ personId, votes: 10 * (total - i) })),
    substitutes: substitutes.map((personId, i) => ({ personId, votes: 10 * (substitutes.length - i) })),
    termEndsAt: new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString(),
    ...overrides,
  });
}

/**
 * A local federation of `n` base councils with one seat each: each base's secretary and delegate (both
 * with logins), the delegates' mandates (weights as given, else 1000), and the federation's secretary.
 */
export async function buildLocalFederation(db: Db, n: number, weights?: readonly number[]) {
  const local = await buildCouncil(db, { kind: 'federation', level: 'local' });
  const bases: string[] = [];
  const baseSecretaries = [];
  const delegates = [];
  for (let i = 0; i < n; i++) {
    const base = await buildCouncil(db, { kind: 'mine', parentId: local });
    bases.push(base);
    baseSecretaries.push(await buildOfficer(db, base));
    delegates.push(await buildMember(db, base));
  }
  await buildApportionment(db, local, 1);
  const mandates: string[] = [];
  for (const [i, base] of bases.entries()) {
    const r = await buildElectionResult(db, base, [delegates[i]!.personId]);
    mandates.push(r.mandates[0]!.mandateId);
  }
  for (const [i, w] of (weights ?? []).entries())
    await sql`update mandates set weight_millis = ${w} where id = ${mandates[i]}`.execute(db);
  const secretary = await buildMember(db, bases[0]!);
  await insertOffice(db, local, 'secretary', secretary.personId);
  return { local, bases, baseSecretaries, delegates, mandates, secretary };
}

/** An HTTP client for app.inject that keeps cookies and sends the CSRF token on writes. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken = '';

  constructor(private readonly app: FastifyInstance) {}

  static async anonymous(app: FastifyInstance): Promise<TestClient> {
    const client = new TestClient(app);
    await client.refreshSession();
    return client;
  }

  static async signedIn(app: FastifyInstance, login: string, password = TEST_PASSWORD): Promise<TestClient> {
    const client = await TestClient.anonymous(app);
    const res = await client.request('POST', '/api/v1/session', { login, password });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    client.csrfToken = res.json().csrfToken;
    return client;
  }

  /** The cookies as a Cookie header, for requests made outside app.inject (e.g. an event stream). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async refreshSession() {
    const res = await this.request('GET', '/api/v1/session');
    this.csrfToken = res.json().csrfToken;
    return res;
  }

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    for (const c of res.cookies) {
      if (c.maxAge === 0 || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    // Signing in (login, setup, password link) binds a new CSRF token to the new session.
    if (res.statusCode < 300 && res.headers['content-type']?.toString().includes('json')) {
      const token = (res.json() as { csrfToken?: unknown }).csrfToken;
      if (typeof token === 'string') this.csrfToken = token;
    }
    return res;
  }
}

/** Row counts of every table: a failed request must leave them all unchanged. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = [
    'persons',
    'person_contacts',
    'accounts',
    'sessions',
    'password_tokens',
    'councils',
    'offices',
    'memberships',
    'join_applications',
    'ledger_entries',
    'apportionment_rules',
    'apportionments',
    'election_results',
    'mandates',
    'mandate_substitutes',
    'recall_settings',
    'recall_petitions',
    'recall_signatures',
    'assemblies',
    'agenda_items',
    'attendance',
    'polls',
    'poll_voters',
    'secret_ballots',
    'named_ballots',
    'assembly_petition_settings',
    'assembly_petitions',
    'assembly_petition_signatures',
    'minutes',
    'minutes_approvals',
    'motions',
    'motion_versions',
    'motion_supporters',
    'amendments',
    'composite_origins',
    'instructions',
    'speaker_requests',
    'speaker_settings',
    'items',
    'item_units',
    'depots',
    'stock_events',
    'stock_balances',
    'transfers',
    'households',
    'instance_secrets',
    'ration_rules',
    'ration_limits',
    'distribution_rounds',
    'round_entitlements',
    'requisitions',
    'shipment_plans',
    'shipment_lines',
    'markets',
    'commodities',
    'price_imports',
    'price_observations',
    'price_caps',
    'price_reports',
    'price_violations',
    'violation_followups',
    'collective_actions',
    'action_decisions',
    'action_coordinators',
    'action_councils',
    'pledges',
    'action_status_reports',
    'action_notices',
    'roster_settings',
    'shift_templates',
    'shift_template_slots',
    'shifts',
    'shift_sign_ups',
    'member_trainings',
    'shift_incidents',
    'roster_feed_tokens',
    'demands',
    'demand_answers',
    'demand_endorsements',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(db);
    out[t] = rows[0]!.n;
  }
  return out;
}

/**
 * Follows a live topic over a real socket (node:http without an agent: a pooled keep-alive connection
 * would hold app.close()); collects each `event:` type as it arrives.
 */
export function followEvents(port: number, cookie: string, topic: string) {
  const types: string[] = [];
  let text = '';
  let status = 0;
  const request = http.get(
    { host: '127.0.0.1', port, path: `/api/v1/events?topic=${topic}`, headers: { cookie }, agent: false },
    (response) => {
      status = response.statusCode ?? 0;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        for (const line of chunk.split('\n')) if (line.startsWith('event: ')) types.push(line.slice(7));
      });
    },
  );
  request.on('error', () => {});
  return { types, text: () => text, status: () => status, close: () => request.destroy() };
}

export const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for live events');
    await new Promise((r) => setTimeout(r, 25));
  }
};
