// Distance between two depots along the earth's surface (haversine on a sphere of the mean radius,
// 6,371.0088 km), in whole kilometres: shipment plans weigh routes by it. Roads are longer than this;
// the plan only needs distances that rank routes the same way roads would, near enough.
const EARTH_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

export interface LatLon {
  latitude: number;
  longitude: number;
}

export function greatCircleKm(a: LatLon, b: LatLon): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h))));
}
