// The member list is read a page at a time. The server gives no total, so each request asks for one
// member more than a page: if it comes back, there is a next page.

export interface MemberPage<T> {
  members: T[];
  /** 1-based positions of the first and last member shown. */
  from: number;
  to: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

export function pageOf<T>(fetched: readonly T[], offset: number, pageSize: number): MemberPage<T> {
  const members = fetched.slice(0, pageSize);
  return {
    members,
    from: members.length === 0 ? 0 : offset + 1,
    to: offset + members.length,
    hasPrevious: offset > 0,
    hasNext: fetched.length > pageSize,
  };
}
