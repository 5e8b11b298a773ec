// The council's active members for a picker (shift lead, training): officers read the register, others
// get an error and the picker offers no one (the server checks every act again).
import { useApi } from '../app/use-api.ts';
import type { MemberRef } from './rosters-types.ts';

export function useActiveMembers(councilId: string) {
  const members = useApi<{ members: MemberRef[] }>(
    `/councils/${encodeURIComponent(councilId)}/members?limit=500`,
  );
  return {
    members: (members.data?.members ?? []).filter((m) => m.status === 'active'),
    unavailable: members.error !== null,
  };
}
