// Seeds the demo federation into an empty database, in one transaction, through the same import paths
// a real federation uses (councils and member rolls from CSV-shaped rows), so every act is in the
// ledger. Deterministic: a fixed seed draws the people. Then the Oruro and Potosí congress is seated
// and convened through the use cases (seed-demo-congress.ts), each in its own transaction.
import { sql } from 'kysely';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { dueDate, type MemberImportRow, normalisePhone } from '../../core/members/index.ts';
import { importCouncilRows, insertOffice } from '../federation/index.ts';
import { hashPassword, importMemberRows } from '../members/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry, INSTANCE_CHAIN } from '../platform/ledger.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_APPLICATIONS,
  DEMO_COUNCILS,
  DEMO_PASSWORD,
  GIVEN_NAMES,
  SURNAMES,
} from './demo-federation.ts';
import { seedDemoCongress } from './seed-demo-congress.ts';
import { seedDemoPrices } from './seed-demo-prices.ts';
import { seedDemoSupply } from './seed-demo-supply.ts';

const SEED = 20_261_129;

export async function isEmptyInstance(db: Db): Promise<boolean> {
  const { rows } = await sql<{ empty: boolean }>`
    select not exists(select 1 from councils) and not exists(select 1 from accounts) as empty`.execute(db);
  return rows[0]?.empty === true;
}

export async function seedDemoFederation(db: Db): Promise<{ councils: number; members: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rng = xoroshiro128plus(SEED);
  const pick = <T>(list: readonly T[]): T => list[uniformInt(rng, 0, list.length - 1)]!;
  const summary = await db.transaction().execute(async (tx) => {
    const councilRows = DEMO_COUNCILS.map((c) => ({
      key: c.key,
      name: c.name,
      kind: c.kind,
      level: c.level ?? null,
      territory: c.territory,
      sector: c.sector ?? null,
      parentKey: c.parent ?? null,
      answerDays: 7,
    }));
    const { ids } = await importCouncilRows(tx, null, councilRows, null);
    const id = (key: string) => ids[key]!;

    let phoneSeq = 70_100_000;
    const person = (): MemberImportRow => {
      const fullName = `${pick(GIVEN_NAMES)} ${pick(SURNAMES)} ${pick(SURNAMES)}`;
      phoneSeq += uniformInt(rng, 1, 997);
      const phone = normalisePhone(`+591${phoneSeq}`)!;
      return {
        fullName,
        email: null,
        phone,
        homePlace: null,
        workPlace: null,
        login: phone,
        loginKind: 'phone',
      };
    };
    const demoPerson = (login: string, fullName: string): MemberImportRow => ({
      fullName,
      email: login,
      phone: null,
      homePlace: null,
      workPlace: null,
      login,
      loginKind: 'email',
    });

    const rolls = new Map<string, MemberImportRow[]>();
    for (const c of DEMO_COUNCILS) {
      if (!c.members) continue;
      const officers = Object.values(DEMO_ACCOUNTS)
        .filter((a) => 'council' in a && a.council === c.key)
        .map((a) => demoPerson(a.login, a.fullName));
      const delegates = Object.values(DEMO_ACCOUNTS)
        .filter((a) => 'member' in a && a.member === c.key)
        .map((a) => demoPerson(a.login, a.fullName));
      rolls.set(c.key, [...officers, ...Array.from({ length: c.members }, person), ...delegates]);
    }
    // People belong to a workplace and a neighbourhood: some textile and bottling workers live in Senkata and Villa Adela.
    rolls.get('senkata')!.push(...rolls.get('textil-senkata')!.slice(0, 25));
    rolls.get('villa-adela')!.push(...rolls.get('embotelladora')!.slice(0, 15));

    let members = 0;
    const personIdsByCouncil = new Map<string, string[]>();
    for (const [key, roll] of rolls) {
      const { personIds, imported } = await importMemberRows(tx, null, id(key), roll);
      personIdsByCouncil.set(key, personIds);
      members += imported;
    }

    const demoLogins = Object.values(DEMO_ACCOUNTS).map((a) => a.login);
    await sql`update accounts set password_hash = ${passwordHash} where login = any(${demoLogins}::text[])`.execute(
      tx,
    );
    const admin = (
      await sql<{
        id: string;
      }>`insert into persons (full_name) values (${DEMO_ACCOUNTS.admin.fullName}) returning id`.execute(tx)
    ).rows[0]!.id;
    await sql`insert into accounts (person_id, login, login_kind, password_hash, is_admin)
              values (${admin}, ${DEMO_ACCOUNTS.admin.login}, 'email', ${passwordHash}, true)`.execute(tx);
    await appendLedgerEntry(tx, {
      chainId: INSTANCE_CHAIN,
      kind: 'account.administrator-created',
      actorPersonId: null,
      payload: { personId: admin, fullName: DEMO_ACCOUNTS.admin.fullName, demo: true },
    });

    const appoint = async (
      councilKey: string,
      office: 'secretary' | 'chair' | 'treasurer',
      personId: string,
    ) => {
      const officeId = await insertOffice(tx, id(councilKey), office, personId);
      await appendLedgerEntry(tx, {
        chainId: id(councilKey),
        kind: 'office.assigned',
        actorPersonId: admin,
        payload: { officeId, councilId: id(councilKey), office, personId },
      });
    };
    // Base councils: the first two of each roll are secretary and chair (the demo accounts come first),
    // the third treasurer.
    for (const [key, personIds] of personIdsByCouncil) {
      const [secretary, chair, treasurer] = personIds;
      await appoint(key, 'secretary', secretary!);
      await appoint(key, 'chair', chair!);
      await appoint(key, 'treasurer', treasurer!);
    }
    // Federated councils: a secretary and a chair drawn from the councils beneath.
    const baseUnder = (key: string): string[] =>
      DEMO_COUNCILS.filter((c) => c.parent === key).flatMap((c) => (c.members ? [c.key] : baseUnder(c.key)));
    const secretaries: Record<string, string> = {
      nacional: personIdsByCouncil.get('senkata')![0]!,
      'oruro-potosi': personIdsByCouncil.get('ferroviarios')![0]!,
    };
    for (const c of DEMO_COUNCILS.filter((x) => x.kind === 'federation')) {
      const pool = baseUnder(c.key).flatMap((k) => personIdsByCouncil.get(k)!.slice(3, 6));
      // Drawn even when a demo account takes the office, so the later draws stay as they were.
      const drawn = c.key === 'nacional' ? undefined : pick(pool);
      await appoint(c.key, 'secretary', secretaries[c.key] ?? drawn!);
      await appoint(c.key, 'chair', pick(pool));
    }

    const now = Date.now();
    for (const [i, a] of DEMO_APPLICATIONS.entries()) {
      const receivedAt = new Date(now - a.daysAgo * 86_400_000);
      const reference = `J-DEMO-${String(i + 1).padStart(4, '0')}`;
      const { rows } = await sql<{ id: string }>`
        insert into join_applications (reference, council_id, full_name, email, phone, home_place, work_place, message,
                                       locale, status, due_at, created_at)
        values (${reference}, ${id(a.council)}, ${a.fullName}, ${'email' in a ? a.email : null},
                ${'phone' in a ? a.phone : null}, ${'homePlace' in a ? a.homePlace : null},
                ${'workPlace' in a ? a.workPlace : null}, ${'message' in a ? a.message : null}, 'es', 'pending',
                ${dueDate(receivedAt, 7)}, ${receivedAt})
        returning id`.execute(tx);
      await appendLedgerEntry(
        tx,
        {
          chainId: id(a.council),
          kind: 'join-application.received',
          actorPersonId: null,
          payload: { applicationId: rows[0]!.id, reference, dueAt: dueDate(receivedAt, 7) },
        },
        receivedAt,
      );
    }
    return { councils: DEMO_COUNCILS.length, members };
  });
  // After the commit: the use cases open their own transactions and read the councils as committed.
  await seedDemoCongress(db);
  await seedDemoSupply(db);
  await seedDemoPrices(db);
  return summary;
}
