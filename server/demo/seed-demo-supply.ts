// Distribution in the demo, through the supply use cases, each acting as the officer who may do it: the
// catalogue (by the administrator), depots with their places in El Alto and La Paz, a purchase of rice by
// the FEJUVE sent to Villa Adela and received there (two sacks rejected as torn), a donation of oil,
// Villa Adela's household register, a rice rule adopted by its members' vote, a distribution round that
// divides short stock (some households already served), and requisitions of gas waiting at the FEJUVE.
// Runs after the federation is seeded; deterministic (a fixed seed draws the households).
import { sql } from 'kysely';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { castBallot, closePoll, openPoll } from '../decisions/index.ts';
import { insertOffice } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import {
  createDepot,
  createItem,
  openDistributionRound,
  proposeRationRule,
  RATION_RULE_SUBJECT,
  receiveTransfer,
  recordPickup,
  recordStockEvent,
  registerHousehold,
  registerRationRuleSubject,
  sendTransfer,
  submitRequisition,
} from '../supply/index.ts';
import { DEMO_ACCOUNTS, GIVEN_NAMES, SURNAMES } from './demo-federation.ts';
import { officerOf, viewerByLogin } from './demo-viewers.ts';
import { councilIdsByKey } from './seed-demo-congress.ts';

const SEED = 20_261_206;
const DAY_MS = 86_400_000;
const HOUSEHOLDS = 36;

const PLACES = {
  villaAdela: { latitude: -16.5237, longitude: -68.165 },
  ceja: { latitude: -16.5006, longitude: -68.1628 },
  senkata: { latitude: -16.5667, longitude: -68.1975 },
  laPaz: { latitude: -16.4955, longitude: -68.1336 },
};

export interface DemoSupply {
  items: number;
  households: number;
  roundId: string;
}

export async function seedDemoSupply(db: Db): Promise<DemoSupply> {
  registerRationRuleSubject();
  const councilId = await councilIdsByKey(db);
  const admin = await viewerByLogin(db, DEMO_ACCOUNTS.admin.login);
  const secretaria = await viewerByLogin(db, 'secretaria.villaadela@cabildo.demo');
  const presidente = await viewerByLogin(db, 'presidente.villaadela@cabildo.demo');
  const fejuve = await officerOf(db, councilId('fejuve'), 'secretary');
  const senkata = await officerOf(db, councilId('senkata'), 'secretary');

  // Villa Adela's secretary also keeps the household register (the office that reads it).
  await db.transaction().execute(async (tx) => {
    const officeId = await insertOffice(tx, councilId('villa-adela'), 'distribution', secretaria.personId);
    await appendLedgerEntry(tx, {
      chainId: councilId('villa-adela'),
      kind: 'office.assigned',
      actorPersonId: presidente.personId,
      payload: {
        officeId,
        councilId: councilId('villa-adela'),
        office: 'distribution',
        personId: secretaria.personId,
      },
    });
  });

  const item = (
    name: string,
    category: 'food' | 'fuel' | 'medicine',
    baseUnit: string,
    step: string,
    units: Array<{ unit: string; baseUnits: string }> = [],
  ) => createItem(db, admin, { name, category, baseUnit, step, units });
  const rice = await item('Arroz', 'food', 'kg', '1', [{ unit: 'quintal 46 kg', baseUnits: '46' }]);
  const oil = await item('Aceite comestible', 'food', 'L', '1');
  await item('Harina de trigo', 'food', 'kg', '1', [{ unit: 'bolsa 50 kg', baseUnits: '50' }]);
  const gas = await item('Garrafa de GLP 10 kg', 'fuel', 'garrafa', '1');
  await item('Diésel', 'fuel', 'L', '0.001');
  await item('Paquete de medicamentos básicos', 'medicine', 'paquete', '1');

  const sede = await createDepot(db, secretaria, councilId('villa-adela'), {
    name: 'Sede vecinal Villa Adela',
    kind: 'distribution-point',
    place: 'Av. Bolivia esq. calle 3, Villa Adela',
    location: PLACES.villaAdela,
  });
  const almacen = await createDepot(db, fejuve, councilId('fejuve'), {
    name: 'Almacén FEJUVE, La Ceja',
    kind: 'depot',
    place: 'Av. 6 de Marzo, La Ceja',
    location: PLACES.ceja,
  });
  const senkataSede = await createDepot(db, senkata, councilId('senkata'), {
    name: 'Sede vecinal Senkata',
    kind: 'distribution-point',
    location: PLACES.senkata,
  });

  const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString();
  await recordStockEvent(db, fejuve, almacen.id, {
    kind: 'receipt',
    itemId: rice.id,
    quantity: '460',
    source: 'purchase',
    occurredAt: daysAgo(9),
    note: '10 quintales, compra con aportes de las juntas',
  });
  await recordStockEvent(db, fejuve, almacen.id, {
    kind: 'receipt',
    itemId: gas.id,
    quantity: '60',
    source: 'delivery',
    occurredAt: daysAgo(4),
  });
  const toVillaAdela = await sendTransfer(db, fejuve, {
    fromDepotId: almacen.id,
    toDepotId: sede.id,
    itemId: rice.id,
    quantity: '120',
    note: 'Reparto de arroz a Villa Adela',
  });
  await receiveTransfer(db, secretaria, toVillaAdela, {
    accepted: '118',
    rejected: '2',
    rejectionNote: 'dos bolsas rotas',
  });
  await recordStockEvent(db, secretaria, sede.id, {
    kind: 'receipt',
    itemId: oil.id,
    quantity: '30',
    source: 'donation',
    occurredAt: daysAgo(3),
    note: 'Donación de la parroquia',
  });

  // The household register: people by age band and priority flags drawn with a fixed seed.
  const rng = xoroshiro128plus(SEED);
  const draw = (min: number, max: number) => uniformInt(rng, min, max);
  const pick = <T>(list: readonly T[]): T => list[draw(0, list.length - 1)]!;
  const households: string[] = [];
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const infant = draw(0, 6) === 0 ? 1 : 0;
    const child = draw(0, 3);
    const adult = draw(1, 3);
    const elder = draw(0, 4) === 0 ? 1 : 0;
    const flags = [
      ...(infant > 0 ? (['infants'] as const) : []),
      ...(elder > 0 ? (['elderly'] as const) : []),
      ...(draw(0, 11) === 0 ? (['illness'] as const) : []),
      ...(draw(0, 17) === 0 ? (['disability'] as const) : []),
    ];
    const { household } = await registerHousehold(db, secretaria, councilId('villa-adela'), {
      headName: `${pick(GIVEN_NAMES)} ${pick(SURNAMES)} ${pick(SURNAMES)}`,
      address: `Calle ${draw(1, 12)} n.º ${draw(100, 2400)}, Villa Adela`,
      phone: null,
      people: { infant, child, adult, elder },
      flags,
      identityDocument: `${draw(2_000_000, 9_999_999)} LP`,
    });
    households.push(household.id);
  }

  // The rice rule, adopted by the members' vote: 3 kg per person (children 70 %, infants 40 %), families
  // with infants first, then the elderly, ill and disabled; at most 15 kg per household.
  const rule = await proposeRationRule(db, secretaria, councilId('villa-adela'), {
    itemId: rice.id,
    rule: {
      perPersonMilli: 3000,
      weightsPermille: { infant: 400, child: 700, adult: 1000, elder: 1000 },
      priorityClasses: [['infants'], ['elderly', 'illness', 'disability']],
      capPerHouseholdMilli: 15_000,
    },
    note: 'Propuesta de la secretaría para el arroz de la FEJUVE',
  });
  const pollId = await openPoll(db, secretaria, councilId('villa-adela'), {
    kind: 'motion',
    assemblyId: null,
    title: 'Regla de reparto del arroz',
    body: rule.note,
    method: 'yes-no',
    options: [],
    seats: 1,
    maxMarks: 1,
    allowSplit: false,
    majority: 'simple',
    majorityBase: 'voting',
    secrecy: 'secret',
    closesAt: null,
    subject: { kind: RATION_RULE_SUBJECT, id: rule.id },
  });
  const { rows: voters } = await sql<{ id: string; full_name: string }>`
    select p.id, p.full_name from memberships m join persons p on p.id = m.person_id join accounts a on a.person_id = p.id
     where m.council_id = ${councilId('villa-adela')} and m.status = 'active' and a.login_kind = 'phone'
     order by a.login collate "C" limit 21`.execute(db);
  for (const [i, v] of voters.entries())
    await castBallot(
      db,
      { personId: v.id, fullName: v.full_name, isAdmin: false, csrfToken: '', sessionHash: '' },
      pollId,
      {
        ballot: { choice: i < 16 ? 'yes' : i < 19 ? 'no' : 'abstain' },
      },
    );
  await closePoll(db, secretaria, pollId);

  // The round: 118 kg for 36 households — short; the first eight on the list have collected.
  const roundId = await openDistributionRound(db, secretaria, sede.id, {
    itemId: rice.id,
    title: 'Reparto de arroz',
  });
  const { rows: served } = await sql<{ household_id: string }>`
    select household_id from round_entitlements where round_id = ${roundId} and allocated_milli > 0
     order by priority_class, household_id limit 8`.execute(db);
  for (const h of served)
    await recordPickup(db, secretaria, roundId, {
      householdId: h.household_id,
      volunteerId: presidente.personId,
    });

  await submitRequisition(db, secretaria, councilId('villa-adela'), {
    itemId: gas.id,
    quantity: '40',
    toDepotId: sede.id,
    note: 'Garrafas para las familias con niños y adultos mayores',
  });
  await submitRequisition(db, senkata, councilId('senkata'), {
    itemId: gas.id,
    quantity: '35',
    toDepotId: senkataSede.id,
  });
  return { items: 6, households: households.length, roundId };
}
