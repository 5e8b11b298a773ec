import { describe, expect, it } from 'vitest';
import { applicationReference, canTransition, dueDate, isOverdue } from './join-applications.ts';
import { normaliseLogin, normalisePhone } from './logins.ts';

describe('join applications', () => {
  it('makes a reference from the unambiguous alphabet', () => {
    const ref = applicationReference(new Uint8Array([0, 1, 2, 3, 30, 31, 62, 255]));
    expect(ref).toMatch(/^J-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(ref).toBe('J-ABCD-9AAH');
  });

  it('is due after the council answer time and overdue only while open', () => {
    const received = new Date('2026-01-01T10:00:00Z');
    const due = dueDate(received, 7);
    expect(due.toISOString()).toBe('2026-01-08T10:00:00.000Z');
    const later = new Date('2026-01-09T00:00:00Z');
    expect(isOverdue('pending', due, later)).toBe(true);
    expect(isOverdue('contacted', due, later)).toBe(true);
    expect(isOverdue('accepted', due, later)).toBe(false);
    expect(isOverdue('pending', due, received)).toBe(false);
  });

  it.each([
    ['pending', 'contacted', true],
    ['pending', 'accepted', true],
    ['contacted', 'declined', true],
    ['contacted', 'contacted', false],
    ['accepted', 'declined', false],
    ['declined', 'accepted', false],
  ] as const)('from %s to %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });
});

describe('logins', () => {
  it.each([
    ['Ana@Example.ORG ', { ok: true, login: 'ana@example.org', kind: 'email' }],
    ['+591 7 123-4567', { ok: true, login: '+59171234567', kind: 'phone' }],
    ['71234567', { ok: true, login: '71234567', kind: 'phone' }],
    ['not a login', { ok: false, error: 'login-invalid' }],
    ['a@b', { ok: false, error: 'login-invalid' }],
    ['12345', { ok: false, error: 'login-invalid' }],
  ])('normalises %j', (raw, expected) => {
    expect(normaliseLogin(raw)).toEqual(expected);
  });

  it('refuses phone numbers longer than E.164 allows', () => {
    expect(normalisePhone('+1234567890123456')).toBeNull();
  });
});
