// Issue 17 "Map tiles that use GCJ-02 … are shifted for display only, by a tested conversion": the conversion is
// checked against the reference points published with the widely used eviltransform library (its test suite's
// Shanghai, Shenzhen and Beijing pairs), to about 0.1 m.
import { describe, expect, it } from 'vitest';
import { displayLatLng, outOfChina, wgs84ToGcj02 } from '@/utils/gcj02';

// [wgsLat, wgsLng, gcjLat, gcjLng]
const REFERENCE: [string, number, number, number, number][] = [
  ['Shanghai', 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
  ['Shenzhen', 22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
  ['Beijing', 39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
];

describe('WGS-84 → GCJ-02', () => {
  it.each(REFERENCE)('%s matches the published GCJ-02 position', (_, wLat, wLng, gLat, gLng) => {
    const g = wgs84ToGcj02({ lat: wLat, lng: wLng });
    expect(Math.abs(g.lat - gLat)).toBeLessThan(1e-6);
    expect(Math.abs(g.lng - gLng)).toBeLessThan(1e-6);
  });

  it('leaves positions outside China as they are', () => {
    expect(outOfChina({ lng: -0.1276, lat: 51.5072 })).toBe(true);
    expect(wgs84ToGcj02({ lng: -0.1276, lat: 51.5072 })).toEqual({ lng: -0.1276, lat: 51.5072 });
    expect(outOfChina({ lng: 118.05, lat: 24.47 })).toBe(false);
  });

  it('shifts a GeoJSON position for Leaflet only when the tiles are GCJ-02', () => {
    expect(displayLatLng([118.05, 24.47], false)).toEqual([24.47, 118.05]);
    const [lat, lng] = displayLatLng([118.05, 24.47], true);
    // In Xiamen the offset is a few hundred metres: east and a little south.
    expect(lng - 118.05).toBeGreaterThan(0.003);
    expect(lng - 118.05).toBeLessThan(0.007);
    expect(Math.abs(lat - 24.47)).toBeLessThan(0.004);
  });
});
