import { describe, expect, it } from 'vitest';
import { checkJoin, checkLogin, checkPassword, checkSetup, safeNext } from './form-checks.ts';

const validJoin = { councilId: 'c1', fullName: 'Ana Quispe', email: '', phone: '+591 7123 4567' };

describe('Join form checks', () => {
  it('accepts a council, a name and one way to make contact', () => {
    expect(checkJoin(validJoin)).toEqual({});
    expect(checkJoin({ ...validJoin, phone: '', email: 'ana@example.org' })).toEqual({});
  });

  it('asks for the council and the name', () => {
    expect(checkJoin({ ...validJoin, councilId: null, fullName: '  ' })).toEqual({
      councilId: 'validation.councilRequired',
      fullName: 'validation.nameRequired',
    });
  });

  it('asks for an email or a phone when both are missing, naming the email field', () => {
    expect(checkJoin({ ...validJoin, phone: ' ' })).toEqual({ email: 'validation.contactRequired' });
  });

  it('refuses an email without a domain and a phone too short to call', () => {
    expect(checkJoin({ ...validJoin, email: 'ana@', phone: '12' })).toEqual({
      email: 'validation.emailShape',
      phone: 'validation.phoneShape',
    });
  });
});

describe('password checks', () => {
  it('wants 10 to 200 characters, counted as characters rather than bytes', () => {
    expect(checkPassword('short', 'short')).toEqual({ password: 'validation.passwordShort' });
    expect(checkPassword('ñandú ñandú', 'ñandú ñandú')).toEqual({});
    const long = 'x'.repeat(201);
    expect(checkPassword(long, long)).toEqual({ password: 'validation.passwordLong' });
  });

  it('wants the confirmation to match', () => {
    expect(checkPassword('correct horse battery', 'correct horse batery')).toEqual({
      confirmation: 'validation.passwordMismatch',
    });
  });

  it('checks login and setup fields', () => {
    expect(checkLogin('', '')).toEqual({
      login: 'validation.loginRequired',
      password: 'validation.passwordRequired',
    });
    expect(
      checkSetup({
        fullName: '',
        login: 'admin@example.org',
        password: 'long enough pw',
        confirmation: 'long enough pw',
      }),
    ).toEqual({
      fullName: 'validation.nameRequired',
    });
  });
});

describe('where to go after logging in', () => {
  it.each([
    ['/councils/1/applications', '/councils/1/applications'],
    [null, '/me'],
    ['https://evil.example/', '/me'],
    ['//evil.example/', '/me'],
    ['/\\evil.example/', '/me'],
    ['javascript:alert(1)', '/me'],
  ])('%s leads to %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
