// Seats the demo's regional congress of Oruro and Potosí and convenes two sittings, through the use
// cases a federation uses (rules, tables, paper-count election results, convening), each acting as the
// officer who may do it — so every act is checked by the permissions table and lands in the ledger.
// Runs after seedDemoFederation's transaction has committed: each use case opens its own.
//
// The mines send one delegate each to the miners' federation; it and the other four councils of the
// region send one each to the regional federation, whose seats weigh the members they represent. Picks
// are deterministic: members who hold no office, in the order of their (seeded) phone logins.
import { sql } from 'kysely';
import {
  admitMotion,
  castBallot,
  closePoll,
  conveneAssembly,
  forwardMotion,
  openPoll,
  scheduleMotion,
  submitMotion,
} from '../decisions/index.ts';
import {
  apportionCouncilSeats,
  type ElectionResultInput,
  recordElectionResult,
  setApportionmentRule,
} from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { DEMO_ACCOUNTS, DEMO_COUNCILS } from './demo-federation.ts';

const MINES = ['huanuni', 'siglo-xx', 'colquiri', 'cerro-rico'] as const;
/** Councils of the region other than the miners' federation that elect a delegate of their own. */
const REGIONAL_BASES = ['vinto', 'ferroviarios', 'copacabana-pt', 'macha'] as const;

/** Bolivia keeps UTC−4 all year. */
const BOLIVIA_OFFSET_HOURS = -4;
const HOUR_MS = 3_600_000;

interface Person {
  id: string;
  fullName: string;
}

export interface DemoCongress {
  congressId: string;
  neighbourhoodAssemblyId: string;
  /** Mandates issued in the miners' and the regional federations. */
  mandates: number;
  /** Macha's adopted motion as forwarded to the regional federation, on the congress's agenda. */
  forwardedMotionId: string;
}

export async function seedDemoCongress(db: Db): Promise<DemoCongress> {
  const councilId = await councilIdsByKey(db);
  const byLogin = async (login: string): Promise<Person> => {
    const { rows } = await sql<Person>`
      select p.id, p.full_name as "fullName" from accounts a join persons p on p.id = a.person_id
       where a.login = ${login}`.execute(db);
    if (!rows[0]) throw new Error(`demo: no account ${login}`);
    return rows[0];
  };
  const secretaryOf = async (key: string): Promise<Viewer> => {
    const { rows } = await sql<Person>`
      select p.id, p.full_name as "fullName" from offices o join persons p on p.id = o.person_id
       where o.council_id = ${councilId(key)} and o.office = 'secretary' and o.ended_at is null
       order by o.started_at limit 1`.execute(db);
    if (!rows[0]) throw new Error(`demo: ${key} has no secretary`);
    return {
      personId: rows[0].id,
      fullName: rows[0].fullName,
      isAdmin: false,
      csrfToken: '',
      sessionHash: '',
    };
  };
  // Generated members only (phone logins, numbered in roll order), so no demo account is picked.
  const plainMembers = async (key: string, count: number): Promise<Person[]> => {
    const { rows } = await sql<Person>`
      select p.id, p.full_name as "fullName"
        from memberships m join persons p on p.id = m.person_id join accounts a on a.person_id = m.person_id
       where m.council_id = ${councilId(key)} and m.status = 'active' and a.login_kind = 'phone'
         and not exists (select 1 from offices o where o.person_id = m.person_id and o.ended_at is null)
       order by a.login collate "C" limit ${count}`.execute(db);
    if (rows.length < count) throw new Error(`demo: ${key} has too few members to pick from`);
    return rows;
  };
  const memberCount = async (key: string): Promise<number> => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from memberships where council_id = ${councilId(key)} and status = 'active'`.execute(
      db,
    );
    return rows[0]?.n ?? 0;
  };

  const termEndsAt = new Date();
  termEndsAt.setUTCFullYear(termEndsAt.getUTCFullYear() + 2);
  const year = new Date().getUTCFullYear();
  let sheets = 0;
  /** A paper count of `electors`: the winner with a majority, the substitute next. */
  const paperCount = (
    electors: number,
    winner: Person,
    substitute: Person,
    tellers: readonly [Person, Person],
  ): ElectionResultInput => ({
    sheetReference: `Acta de escrutinio n.º ${++sheets}/${year}`,
    tellers: [tellers[0].fullName, tellers[1].fullName],
    winners: [{ personId: winner.id, votes: Math.floor(electors / 2) + 1 }],
    substitutes: [{ personId: substitute.id, votes: Math.floor(electors / 4) }],
    termEndsAt: termEndsAt.toISOString(),
  });

  const minersSecretary = await secretaryOf('mineros');
  await setApportionmentRule(db, minersSecretary, councilId('mineros'), {
    method: 'fixed',
    seatsPerChild: 1,
  });
  await apportionCouncilSeats(db, minersSecretary, councilId('mineros'));
  const regionalSecretary = await secretaryOf('oruro-potosi');
  await setApportionmentRule(db, regionalSecretary, councilId('oruro-potosi'), {
    method: 'fixed',
    seatsPerChild: 1,
    weightRule: 'represented-members',
  });
  await apportionCouncilSeats(db, regionalSecretary, councilId('oruro-potosi'));

  const demoDelegates: Record<string, Person> = {
    huanuni: await byLogin(DEMO_ACCOUNTS.delegateHuanuni.login),
    macha: await byLogin(DEMO_ACCOUNTS.delegateMacha.login),
  };
  /** One base council's election of its delegate: a demo account where there is one, else the first pick. */
  const electFromBase = async (key: string): Promise<Person> => {
    const [first, second, third, fourth] = await plainMembers(key, 4);
    const delegate = demoDelegates[key];
    const [winner, substitute, ...tellers] = delegate
      ? [delegate, first!, second!, third!]
      : [first!, second!, third!, fourth!];
    await recordElectionResult(
      db,
      await secretaryOf(key),
      councilId(key),
      paperCount(await memberCount(key), winner, substitute, [tellers[0]!, tellers[1]!]),
    );
    return winner;
  };

  let mandates = 0;
  const mineDelegates = new Map<string, Person>();
  for (const mine of MINES) {
    mineDelegates.set(mine, await electFromBase(mine));
    mandates += 1;
  }
  for (const key of REGIONAL_BASES) {
    await electFromBase(key);
    mandates += 1;
  }
  // The miners' federation elects among its seated delegates, so its delegate's regional seat rests on
  // her Huanuni mandate (and ends with it).
  await recordElectionResult(
    db,
    minersSecretary,
    councilId('mineros'),
    paperCount(MINES.length, mineDelegates.get('huanuni')!, mineDelegates.get('siglo-xx')!, [
      mineDelegates.get('colquiri')!,
      mineDelegates.get('cerro-rico')!,
    ]),
  );
  mandates += 1;

  const now = Date.now();
  const congressId = await conveneAssembly(db, regionalSecretary, councilId('oruro-potosi'), {
    title: 'Congreso Regional Ordinario de Oruro y Potosí',
    startsAt: localMorningIn(now, 3, 9).toISOString(),
    isExtraordinary: false,
    place: 'Casa Sindical de Oruro',
    onlineUrl: null,
    quorum: { kind: 'more-than-half' },
    agenda: [
      { title: 'Informe de la federación', notes: null },
      { title: 'Abastecimiento de garrafas de gas', notes: null },
      { title: 'Elección del comité de abastecimiento', notes: null },
    ],
  });
  const neighbourhoodAssemblyId = await conveneAssembly(
    db,
    await secretaryOf('villa-adela'),
    councilId('villa-adela'),
    {
      title: 'Asamblea extraordinaria de vecinos',
      startsAt: new Date(now + HOUR_MS).toISOString(),
      isExtraordinary: true,
      place: 'Sede de la junta, Villa Adela',
      onlineUrl: null,
      quorum: { kind: 'more-than-half' },
      agenda: [{ title: 'Corte de agua en la zona', notes: null }],
    },
  );
  // The Ayllu de Macha adopts a motion in an open vote of its members and forwards it; the regional
  // secretary admits it and puts it on the congress's agenda, next to the gas supply item.
  const machaSecretary = await secretaryOf('macha');
  const localMotion = await submitMotion(db, machaSecretary, councilId('macha'), {
    title: 'Precio justo del gas licuado para las comunidades',
    text: MOTION_TEXT.join('\n'),
    assemblyId: null,
    agendaPosition: null,
  });
  await admitMotion(db, machaSecretary, localMotion);
  const vote = await openPoll(db, machaSecretary, councilId('macha'), {
    kind: 'motion',
    assemblyId: null,
    title: 'Precio justo del gas licuado para las comunidades',
    body: null,
    method: 'yes-no',
    options: [],
    seats: 1,
    maxMarks: 1,
    allowSplit: false,
    majority: 'simple',
    majorityBase: 'voting',
    secrecy: 'open',
    closesAt: null,
    motionId: localMotion,
  });
  const voters = await plainMembers('macha', 24);
  for (const [i, voter] of voters.entries()) {
    const choice = i < 17 ? 'yes' : i < 21 ? 'no' : 'abstain';
    await castBallot(db, { ...machaSecretary, personId: voter.id, fullName: voter.fullName }, vote, {
      ballot: { choice },
    });
  }
  await closePoll(db, machaSecretary, vote);
  const forwarded = await forwardMotion(db, machaSecretary, localMotion);
  await admitMotion(db, regionalSecretary, forwarded);
  await scheduleMotion(db, regionalSecretary, forwarded, { assemblyId: congressId, agendaPosition: 2 });
  return { congressId, neighbourhoodAssemblyId, mandates, forwardedMotionId: forwarded };
}

const MOTION_TEXT = [
  'Las comunidades del Ayllu de Macha pagan la garrafa de gas a más del doble del precio oficial.',
  'Pedimos que la Federación Regional acuerde un precio máximo para la garrafa de 10 kg en toda la región.',
  'Que los consejos vecinales y comunales controlen ese precio en cada punto de venta.',
  'Que la distribución llegue a las comunidades alejadas al menos una vez por semana.',
];

/** Demo councils by key: names are unique in the demo, and the key is not stored. */
export async function councilIdsByKey(db: Db): Promise<(key: string) => string> {
  const { rows } = await sql<{ id: string; name: string }>`
    select id, name from councils where dissolved_at is null`.execute(db);
  const idByName = new Map(rows.map((r) => [r.name, r.id]));
  return (key) => {
    const name = DEMO_COUNCILS.find((c) => c.key === key)?.name;
    const id = name === undefined ? undefined : idByName.get(name);
    if (!id) throw new Error(`demo: no council ${key}`);
    return id;
  };
}

/** `hour`:00 in Bolivia, `days` local days after the local day of `nowMs`. */
function localMorningIn(nowMs: number, days: number, hour: number): Date {
  const local = new Date(nowMs + BOLIVIA_OFFSET_HOURS * HOUR_MS);
  return new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, hour) -
      BOLIVIA_OFFSET_HOURS * HOUR_MS,
  );
}
