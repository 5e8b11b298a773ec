// The iCalendar invitation of a sitting: what a member's calendar app imports.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildCouncil,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
} from '../test-factories.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

it('serves the invitation with the time, place and agenda, to members only', async () => {
  const council = await buildCouncil(s.db, { kind: 'village', name: 'Consejo Comunal de Warisata' });
  const secretary = await buildOfficer(s.db, council);
  const client = await TestClient.signedIn(s.app, secretary.login);
  const startsAt = new Date(Date.now() + 3 * 86_400_000);
  startsAt.setUTCHours(13, 0, 0, 0);
  const convened = await client.request('POST', `/api/v1/councils/${council}/assemblies`, {
    title: 'Asamblea ordinaria; gestión 2026',
    startsAt: startsAt.toISOString(),
    place: 'Escuela Ayllu, Warisata',
    agenda: [{ title: 'Informe del directorio' }, { title: 'Riego, turnos de agua' }],
  });
  expect(convened.statusCode, convened.body).toBe(201);
  const id = convened.json().id as string;

  const ics = await client.request('GET', `/api/v1/assemblies/${id}/calendar.ics`);
  expect(ics.statusCode).toBe(200);
  expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
  const text = ics.body.replace(/\r\n /g, '');
  expect(text).toContain('BEGIN:VEVENT');
  expect(text).toContain(`UID:${id}`);
  const stamp = startsAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  expect(text).toContain(`DTSTART:${stamp}`);
  // Commas and semicolons are escaped in text values (RFC 5545 §3.3.11).
  expect(text).toContain('SUMMARY:Asamblea ordinaria\\; gestión 2026 — Consejo Comunal de Warisata');
  expect(text).toContain('LOCATION:Escuela Ayllu\\, Warisata');
  expect(text).toContain('1. Informe del directorio\\n2. Riego\\, turnos de agua');

  const stranger = await TestClient.anonymous(s.app);
  expect((await stranger.request('GET', `/api/v1/assemblies/${id}/calendar.ics`)).statusCode).toBe(403);
});
