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

describe('demo supply', () => {
  it('has Villa Adela’s rice rule adopted by vote, a short round partly collected, and its shelf agreeing', async () => {
    const villaAdela = await councilId('villa-adela');
    const { rows: rules } = await sql<{ status: string; yes: number }>`
      select r.status, (p.result -> 'totals' ->> 'yes')::int as yes
        from ration_rules r join polls p on p.id = r.poll_id where r.council_id = ${villaAdela}`.execute(
      db(),
    );
    expect(rules).toEqual([{ status: 'adopted', yes: 16_000 }]);
    const { rows: rounds } = await sql<{
      stock: string;
      allocated: string;
      entitled: string;
      households: number;
      picked: number;
      picked_milli: string;
      shelf: string;
    }>`
      select d.stock_milli::text as stock, d.allocated_milli::text as allocated, d.entitlement_milli::text as entitled,
             (select count(*)::int from round_entitlements e where e.round_id = d.id) as households,
             (select count(*)::int from round_entitlements e where e.round_id = d.id and e.picked_up_at is not null) as picked,
             (select coalesce(sum(allocated_milli), 0)::text from round_entitlements e
               where e.round_id = d.id and e.picked_up_at is not null) as picked_milli,
             (select quantity_milli::text from stock_balances b where b.depot_id = d.depot_id and b.item_id = d.item_id) as shelf
        from distribution_rounds d where d.council_id = ${villaAdela}`.execute(db());
    expect(rounds).toHaveLength(1);
    const r = rounds[0]!;
    // 118 kg received (120 sent, 2 rejected), all of it allocated, less than the households are entitled to.
    expect({ stock: r.stock, allocated: r.allocated, households: r.households, picked: r.picked }).toEqual({
      stock: '118000',
      allocated: '118000',
      households: 36,
      picked: 8,
    });
    expect(BigInt(r.entitled)).toBeGreaterThan(118_000n);
    expect(BigInt(r.shelf)).toBe(118_000n - BigInt(r.picked_milli));
    const { rows: asks } = await sql<{ n: number }>`
      select count(*)::int as n from requisitions where parent_id = ${await councilId('fejuve')} and status = 'submitted'`.execute(
      db(),
    );
    expect(asks[0]!.n).toBe(2);
  });

  it('has La Paz, Oruro and Potosí rice series tied to the catalogue rice, and two reports from Villa Adela', async () => {
    const { rows } = await sql<{ market: string; n: number; item: string | null }>`
      select m.name as market, count(*)::int as n, i.name as item
        from price_observations o join markets m on m.id = o.market_id join commodities c on c.id = o.commodity_id
        left join items i on i.id = c.item_id
       group by m.name, i.name order by m.name`.execute(db());
    expect(rows).toEqual([
      { market: 'La Paz City', n: 162, item: 'Arroz' },
      { market: 'Oruro City', n: 162, item: 'Arroz' },
      { market: 'Potosi', n: 162, item: 'Arroz' },
    ]);
    const { rows: reports } = await sql<{ seller: string; violation: boolean }>`
      select r.seller, exists (select 1 from price_violations v where v.report_id = r.id) as violation
        from price_reports r where r.council_id = ${await councilId('villa-adela')} order by r.seller`.execute(
      db(),
    );
    expect(reports).toEqual([
      { seller: 'Abarrotes El Cóndor', violation: false },
      { seller: 'Tienda Doña Justina', violation: false },
    ]);
  });
});
