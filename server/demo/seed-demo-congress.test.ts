// The demo federation on an empty database, with its regional congress seated and convened. One seeding
// for the whole file: it takes a few seconds.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseInstant, rollAt } from '../federation/index.ts';
import { verifyLedger } from '../platform/ledger.ts';
import { openTestDatabase, type TestDatabase } from '../platform/test-database.ts';
import { DEMO_ACCOUNTS, DEMO_COUNCILS } from './demo-federation.ts';
import { seedDemoFederation } from './seed-demo-federation.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoFederation(database.db);
});
afterAll(async () => database.drop());

const db = () => database.db;

async function councilId(key: string): Promise<string> {
  const name = DEMO_COUNCILS.find((c) => c.key === key)!.name;
  const { rows } = await sql<{ id: string }>`select id from councils where name = ${name}`.execute(db());
  return rows[0]!.id;
}

/** The seats of a council now, each with its holder's login and the council that sent them. */
async function rollWithLogins(key: string) {
  const roll = await rollAt(db(), await councilId(key), await databaseInstant(db()));
  const { rows } = await sql<{ person_id: string; login: string }>`
    select person_id, login from accounts where person_id = any(${roll.map((r) => r.holder_person_id)}::uuid[])`.execute(
    db(),
  );
  const loginOf = new Map(rows.map((r) => [r.person_id, r.login]));
  return roll.map((r) => ({
    login: loginOf.get(r.holder_person_id),
    sentBy: r.sending_council_name,
    weightMillis: r.weight_millis,
  }));
}

const nameOf = (key: string) => DEMO_COUNCILS.find((c) => c.key === key)!.name;

async function officesOf(login: string) {
  const { rows } = await sql<{ office: string; council: string }>`
    select o.office, c.name as council from offices o join accounts a on a.person_id = o.person_id
      join councils c on c.id = o.council_id
     where a.login = ${login} and o.ended_at is null order by c.name, o.office`.execute(db());
  return rows;
}

describe('the demo congress of Oruro and Potosí', () => {
  it('seats one delegate of each of the five councils of the region, the demo delegates among them', async () => {
    const roll = await rollWithLogins('oruro-potosi');
    expect(roll).toHaveLength(5);
    expect(roll.find((r) => r.sentBy === nameOf('mineros'))?.login).toBe(DEMO_ACCOUNTS.delegateHuanuni.login);
    expect(roll.find((r) => r.sentBy === nameOf('macha'))?.login).toBe(DEMO_ACCOUNTS.delegateMacha.login);
    expect(new Set(roll.map((r) => r.sentBy))).toEqual(
      new Set(['mineros', 'vinto', 'ferroviarios', 'copacabana-pt', 'macha'].map(nameOf)),
    );
  });

  it('weighs each regional seat by the members it represents', async () => {
    const roll = await rollWithLogins('oruro-potosi');
    const weights = new Map(roll.map((r) => [r.sentBy, r.weightMillis]));
    expect(new Set(weights.values()).size).toBeGreaterThan(1);
    // The four mines together far outnumber any single council of the region.
    expect(weights.get(nameOf('mineros'))).toBeGreaterThan(weights.get(nameOf('ferroviarios'))!);
    expect(weights.get(nameOf('mineros'))).toBeGreaterThan(1000);
  });

  it('seats the Huanuni delegate in the miners’ federation, one seat of one vote per mine', async () => {
    const roll = await rollWithLogins('mineros');
    expect(roll).toHaveLength(4);
    expect(roll.find((r) => r.sentBy === nameOf('huanuni'))?.login).toBe(DEMO_ACCOUNTS.delegateHuanuni.login);
    expect(roll.map((r) => r.weightMillis)).toEqual([1000, 1000, 1000, 1000]);
  });

  it('keeps the demo delegates out of office, and makes the regional secretary the railway workers’ first', async () => {
    expect(await officesOf(DEMO_ACCOUNTS.delegateHuanuni.login)).toEqual([]);
    expect(await officesOf(DEMO_ACCOUNTS.delegateMacha.login)).toEqual([]);
    expect(await officesOf(DEMO_ACCOUNTS.secretaryOruroPotosi.login)).toEqual([
      { office: 'secretary', council: nameOf('oruro-potosi') },
      { office: 'secretary', council: nameOf('ferroviarios') },
    ]);
  });

  it('convenes the ordinary congress with its three items, and an extraordinary sitting in Villa Adela', async () => {
    const { rows } = await sql<{
      title: string;
      is_extraordinary: boolean;
      items: string[];
      council: string;
    }>`
      select a.title, a.is_extraordinary, c.name as council,
             array(select i.title from agenda_items i where i.assembly_id = a.id order by i.position) as items
        from assemblies a join councils c on c.id = a.council_id
       where a.status = 'convened' order by a.starts_at desc`.execute(db());
    expect(rows).toEqual([
      {
        title: 'Congreso Regional Ordinario de Oruro y Potosí',
        is_extraordinary: false,
        council: nameOf('oruro-potosi'),
        items: [
          'Informe de la federación',
          'Abastecimiento de garrafas de gas',
          'Elección del comité de abastecimiento',
        ],
      },
      {
        title: 'Asamblea extraordinaria de vecinos',
        is_extraordinary: true,
        council: nameOf('villa-adela'),
        items: ['Corte de agua en la zona'],
      },
    ]);
  });

  it('puts Macha’s adopted motion, forwarded to the regional federation, on the congress’s agenda', async () => {
    const { rows } = await sql<{
      title: string;
      status: string;
      origin_status: string;
      origin_council: string;
      sitting: string;
      agenda_position: number;
      yes: number;
    }>`
      select m.title, m.status, o.status as origin_status, oc.name as origin_council, a.title as sitting,
             m.agenda_position, (p.result -> 'totals' ->> 'yes')::int as yes
        from motions m
        join motions o on o.id = m.origin_motion_id
        join councils oc on oc.id = o.council_id
        join assemblies a on a.id = m.assembly_id
        join polls p on p.motion_id = o.id
       where m.council_id = (select id from councils where name = ${nameOf('oruro-potosi')})`.execute(db());
    expect(rows).toEqual([
      {
        title: 'Precio justo del gas licuado para las comunidades',
        status: 'admitted',
        origin_status: 'adopted',
        origin_council: nameOf('macha'),
        sitting: 'Congreso Regional Ordinario de Oruro y Potosí',
        agenda_position: 2,
        yes: 17_000,
      },
    ]);
  });

  it('leaves every ledger chain valid', async () => {
    const verdicts = await verifyLedger(db());
    expect(verdicts.length).toBeGreaterThan(DEMO_COUNCILS.length);
    expect(verdicts.filter((v) => v.firstBroken !== null)).toEqual([]);
  });
});
