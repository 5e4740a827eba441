// WGS-84 → GCJ-02 (the offset Chinese web maps draw in; issue 17 "Map tiles that use GCJ-02 are shifted for
// display only"). Everything the server stores and sends is WGS-84/CGCS2000; the grids page shifts a polygon only
// when the configured tiles say they are GCJ-02 (GET /api/v1/grids/map → tile_crs), just before drawing it.
// The formula is the one published with the datum (Krasovsky ellipsoid, the well-known polynomial offset); outside
// China there is no offset. tests/unit/gcj02.spec.ts checks it against published reference points.

const A = 6378245.0; // semi-major axis of the Krasovsky 1940 ellipsoid
const EE = 0.00669342162296594323; // its first eccentricity squared

export interface LngLat {
  lng: number;
  lat: number;
}

/** The region where GCJ-02 applies (a rough box of China, as the datum's published code uses). */
export function outOfChina(p: LngLat): boolean {
  return p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320.0 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function offsetLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** The GCJ-02 position of a WGS-84 one (unchanged outside China). */
export function wgs84ToGcj02(p: LngLat): LngLat {
  if (outOfChina(p)) return { lng: p.lng, lat: p.lat };
  const radLat = (p.lat / 180.0) * Math.PI;
  const s = Math.sin(radLat);
  const magic = 1 - EE * s * s;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLat(p.lng - 105.0, p.lat - 35.0) * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (offsetLng(p.lng - 105.0, p.lat - 35.0) * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lng: p.lng + dLng, lat: p.lat + dLat };
}

/** A GeoJSON position [lng, lat] shifted when `gcj` is true, as Leaflet's [lat, lng]. */
export function displayLatLng(position: number[], gcj: boolean): [number, number] {
  const p = { lng: position[0], lat: position[1] };
  const q = gcj ? wgs84ToGcj02(p) : p;
  return [q.lat, q.lng];
}
