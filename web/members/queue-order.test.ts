import { describe, expect, it } from 'vitest';
import type { JoinApplication } from '../app/api-types.ts';
import { byDueDate, isOpen } from './queue-order.ts';

function application(
  id: string,
  dueAt: string,
  createdAt: string,
  status: JoinApplication['status'] = 'pending',
): JoinApplication {
  return {
    id,
    reference: id,
    fullName: id,
    email: null,
    phone: null,
    homePlace: null,
    workPlace: null,
    message: null,
    status,
    dueAt,
    isOverdue: false,
    createdAt,
    declineReason: null,
  };
}

describe('application queue order', () => {
  it('puts the earliest due date first, then the earliest arrival', () => {
    const queue = [
      application('late', '2026-12-09T10:00:00.000Z', '2026-12-02T10:00:00.000Z'),
      application('second', '2026-12-01T10:00:00.000Z', '2026-11-24T11:00:00.000Z'),
      application('first', '2026-12-01T10:00:00.000Z', '2026-11-24T09:00:00.000Z'),
      application('offset', '2026-12-01T08:00:00-04:00', '2026-11-20T09:00:00.000Z'), // 12:00 UTC
    ];
    expect(queue.sort(byDueDate).map((item) => item.id)).toEqual(['first', 'second', 'offset', 'late']);
  });

  it('counts pending and contacted applications as awaiting an answer', () => {
    expect(isOpen(application('a', '', '', 'pending'))).toBe(true);
    expect(isOpen(application('a', '', '', 'contacted'))).toBe(true);
    expect(isOpen(application('a', '', '', 'accepted'))).toBe(false);
    expect(isOpen(application('a', '', '', 'declined'))).toBe(false);
  });
});
