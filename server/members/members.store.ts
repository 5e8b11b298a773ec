// The only file of the members context that runs SQL on persons, contacts, accounts, memberships and
// password tokens.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { LoginKind } from '../../core/members/index.ts';
import type { Db } from '../platform/database.ts';

export interface AccountRow {
  person_id: string;
  login: string;
  login_kind: LoginKind;
  password_hash: string | null;
  is_admin: boolean;
  full_name: string;
}

export async function findAccountByLogin(db: Db, login: string): Promise<AccountRow | undefined> {
  return (
    await sql<AccountRow>`select a.*, p.full_name from accounts a join persons p on p.id = a.person_id where a.login = ${login}`.execute(
      db,
    )
  ).rows[0];
}

export async function findAccountOfPerson(db: Db, personId: string): Promise<AccountRow | undefined> {
  return (
    await sql<AccountRow>`select a.*, p.full_name from accounts a join persons p on p.id = a.person_id where a.person_id = ${personId}`.execute(
      db,
    )
  ).rows[0];
}

export async function anyAccountExists(db: Db): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`select exists(select 1 from accounts) as ok`.execute(db);
  return rows[0]?.ok === true;
}

export interface NewPerson {
  fullName: string;
  email: string | null;
  phone: string | null;
  homePlace: string | null;
  workPlace: string | null;
}

export async function insertPerson(tx: Db, p: NewPerson): Promise<string> {
  const id = (
    await sql<{ id: string }>`insert into persons (full_name) values (${p.fullName}) returning id`.execute(tx)
  ).rows[0]!.id;
  await sql`insert into person_contacts (person_id, email, phone, home_place, work_place)
            values (${id}, ${p.email}, ${p.phone}, ${p.homePlace}, ${p.workPlace})`.execute(tx);
  return id;
}

/** Inserts the account unless the login is taken; returns false when it was. */
export async function insertAccount(
  tx: Db,
  a: { personId: string; login: string; kind: LoginKind; passwordHash: string | null; isAdmin: boolean },
): Promise<boolean> {
  const { rows } = await sql<{ person_id: string }>`
    insert into accounts (person_id, login, login_kind, password_hash, is_admin)
    values (${a.personId}, ${a.login}, ${a.kind}, ${a.passwordHash}, ${a.isAdmin})
    on conflict do nothing returning person_id`.execute(tx);
  return rows.length === 1;
}

export async function setPasswordHash(tx: Db, personId: string, hash: string): Promise<void> {
  await sql`update accounts set password_hash = ${hash} where person_id = ${personId}`.execute(tx);
}

/**
 * Makes the person an active member; returns the membership id and whether the council's count of
 * active members grew (false when they already were an active member). The caller holds the council's
 * row lock, so the count stays exact.
 */
export async function activateMembership(
  tx: Db,
  councilId: string,
  personId: string,
): Promise<{ membershipId: string; added: boolean }> {
  const existing = (
    await sql<{ id: string; status: string }>`
      select id, status from memberships where council_id = ${councilId} and person_id = ${personId} for update`.execute(
      tx,
    )
  ).rows[0];
  if (existing?.status === 'active') return { membershipId: existing.id, added: false };
  let membershipId: string;
  if (existing) {
    await sql`update memberships set status = 'active', left_at = null where id = ${existing.id}`.execute(tx);
    membershipId = existing.id;
  } else {
    membershipId = (
      await sql<{ id: string }>`insert into memberships (council_id, person_id, status)
                                values (${councilId}, ${personId}, 'active') returning id`.execute(tx)
    ).rows[0]!.id;
  }
  await sql`update councils set direct_members = direct_members + 1 where id = ${councilId}`.execute(tx);
  return { membershipId, added: true };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN_DAYS = { invitation: 14, reset: 2 } as const;

export async function issuePasswordToken(
  tx: Db,
  personId: string,
  purpose: 'invitation' | 'reset',
  createdBy: string | null,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  // A new link replaces the person's earlier unused ones.
  await sql`update password_tokens set used_at = now() where person_id = ${personId} and used_at is null`.execute(
    tx,
  );
  await sql`insert into password_tokens (token_hash, person_id, purpose, created_by, expires_at)
            values (${hashToken(token)}, ${personId}, ${purpose}, ${createdBy},
                    now() + make_interval(days => ${TOKEN_DAYS[purpose]}))`.execute(tx);
  return token;
}

export interface TokenRow {
  token_hash: string;
  person_id: string;
  purpose: 'invitation' | 'reset';
  full_name: string;
  login: string;
}

/** A usable token (unused, unexpired); `lock` takes a row lock so one token sets one password. */
export async function findUsableToken(db: Db, token: string, lock = false): Promise<TokenRow | undefined> {
  if (token.length > 100) return undefined;
  const query = sql<TokenRow>`
    select t.token_hash, t.person_id, t.purpose, p.full_name, a.login
      from password_tokens t join persons p on p.id = t.person_id join accounts a on a.person_id = t.person_id
     where t.token_hash = ${hashToken(token)} and t.used_at is null and t.expires_at > now()`;
  const locked = lock ? sql<TokenRow>`${query} for update of t` : query;
  return (await locked.execute(db)).rows[0];
}

export async function markTokenUsed(tx: Db, tokenHash: string): Promise<void> {
  await sql`update password_tokens set used_at = now() where token_hash = ${tokenHash}`.execute(tx);
}

export interface MyCouncilRow {
  id: string;
  name: string;
  kind: string;
  territory: string;
  membership_status: string | null;
  offices: string[] | null;
}

/** Councils where the person is a member or holds an office. */
export async function councilsOfPerson(db: Db, personId: string): Promise<MyCouncilRow[]> {
  const { rows } = await sql<MyCouncilRow>`
    select c.id, c.name, c.kind, c.territory, m.status as membership_status,
           (select array_agg(o.office order by o.office) from offices o
             where o.council_id = c.id and o.person_id = ${personId} and o.ended_at is null) as offices
      from councils c
      left join memberships m on m.council_id = c.id and m.person_id = ${personId}
     where c.dissolved_at is null
       and (m.id is not null
            or exists(select 1 from offices o where o.council_id = c.id and o.person_id = ${personId} and o.ended_at is null))
     order by c.name`.execute(db);
  return rows;
}

export interface MemberRow {
  membership_id: string;
  person_id: string;
  full_name: string;
  status: string;
  joined_at: Date;
  email: string | null;
  phone: string | null;
  home_place: string | null;
  work_place: string | null;
}

export async function membersOfCouncil(
  db: Db,
  councilId: string,
  limit: number,
  offset: number,
): Promise<MemberRow[]> {
  const { rows } = await sql<MemberRow>`
    select m.id as membership_id, p.id as person_id, p.full_name, m.status, m.joined_at,
           c.email, c.phone, c.home_place, c.work_place
      from memberships m join persons p on p.id = m.person_id left join person_contacts c on c.person_id = p.id
     where m.council_id = ${councilId}
     order by p.full_name limit ${limit} offset ${offset}`.execute(db);
  return rows;
}

/** Active memberships of a person, with the councils' paths (who may reset their password). */
export async function activeCouncilIdsOf(db: Db, personId: string): Promise<string[]> {
  const { rows } = await sql<{ council_id: string }>`
    select council_id from memberships where person_id = ${personId} and status = 'active'`.execute(db);
  return rows.map((r) => r.council_id);
}
