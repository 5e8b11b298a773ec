// What the signed-in person holds in a council, read off the council's offices: the supply tab shows
// each form only to those the server would let act (core/supply/permissions.ts); the server checks again.
import type { Council } from '../app/api-types.ts';
import { useSession } from '../app/session.tsx';

export interface SupplyOffices {
  /** Secretary or chair: opens depots, sets a federated council's limits. */
  leads: boolean;
  /** Distribution officer: keeps the household register. */
  distributes: boolean;
  /** Any office here: records stock, sends and receives transfers, ticks pick-ups. */
  isOfficer: boolean;
}

export function useSupplyOffices(council: Council | null): SupplyOffices {
  const session = useSession();
  const mine = (council?.offices ?? [])
    .filter((office) => office.person.id === session.person?.id)
    .map((office) => office.office);
  const isLive = council !== null && council.dissolvedAt === null;
  return {
    leads: isLive && mine.some((office) => office === 'secretary' || office === 'chair'),
    distributes: isLive && mine.includes('distribution'),
    isOfficer: isLive && mine.length > 0,
  };
}
