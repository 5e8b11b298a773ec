import { describe, expect, it } from 'vitest';
import { greatCircleKm } from './great-circle.ts';

// Coordinates of city centres (rounded). Expected distances computed independently with the spherical
// law of cosines on the same radius (Python: R·acos(sin φ1 sin φ2 + cos φ1 cos φ2 cos Δλ)): 3.33, 196.44,
// 545.24 and 111.20 km.
const LA_PAZ = { latitude: -16.4955, longitude: -68.1336 };
const EL_ALTO = { latitude: -16.5047, longitude: -68.1633 };
const ORURO = { latitude: -17.9647, longitude: -67.1064 };
const SANTA_CRUZ = { latitude: -17.7833, longitude: -63.1821 };

describe('great-circle distance', () => {
  it.each([
    ['La Paz – El Alto', LA_PAZ, EL_ALTO, 3],
    ['La Paz – Oruro', LA_PAZ, ORURO, 196],
    ['La Paz – Santa Cruz', LA_PAZ, SANTA_CRUZ, 545],
    ['a place to itself', ORURO, ORURO, 0],
  ])('%s', (_what, a, b, km) => {
    expect(greatCircleKm(a, b)).toBe(km);
    expect(greatCircleKm(b, a)).toBe(km);
  });

  it('goes the short way across the antimeridian', () => {
    expect(greatCircleKm({ latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 })).toBe(111);
  });
});
