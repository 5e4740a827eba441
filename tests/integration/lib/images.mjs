// Image fixtures for the photo tests, made here with node:zlib so that no binary file is committed: PNGs of any
// size (a 20000×20000 1-bit PNG of a few KB is a decompression bomb), an EXIF APP1 block with GPS tags and an
// orientation, and a JPEG's size read from its SOF marker.
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
const be32 = (v) => { const b = Buffer.alloc(4); b.writeUInt32BE(v >>> 0); return b; };
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([be32(data.length), body, be32(crc32(body))]);
}
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An RGB PNG of w × h: the left half red, the right half blue. */
export function halvesPng(w, h) {
  const rows = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + 3 * w);
    for (let x = 0; x < w; x++) {
      if (x < w / 2) row[1 + 3 * x] = 255; else row[1 + 3 * x + 2] = 255;
    }
    rows.push(row);
  }
  const ihdr = Buffer.concat([be32(w), be32(h), Buffer.from([8, 2, 0, 0, 0])]);
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** A valid 1-bit grey PNG of side × side, all black: 400 megapixels at 20000, a few KB on the wire. */
export function bombPng(side = 20000) {
  const raw = Buffer.alloc((1 + Math.ceil(side / 8)) * side, 0);
  const ihdr = Buffer.concat([be32(side), be32(side), Buffer.from([1, 0, 0, 0, 0])]);
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** An APP1 EXIF segment (little-endian TIFF): Orientation, and a GPS IFD with GPSLatitudeRef N, GPSLatitude 31°14′0″. */
export function exifApp1(orientation = 6) {
  const u16 = (v) => { const b = Buffer.alloc(2); b.writeUInt16LE(v); return b; };
  const u32 = (v) => { const b = Buffer.alloc(4); b.writeUInt32LE(v); return b; };
  const tiff = Buffer.concat([
    Buffer.from('II'), u16(42), u32(8),
    u16(2), u16(0x0112), u16(3), u32(1), u16(orientation), u16(0), u16(0x8825), u16(4), u32(1), u32(38), u32(0),
    u16(2), u16(0x0001), u16(2), u32(2), Buffer.from('N\0\0\0', 'latin1'), u16(0x0002), u16(5), u32(3), u32(68), u32(0),
    u32(31), u32(1), u32(14), u32(1), u32(0), u32(1),
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xe1]), len, payload]);
}

/** The JPEG with `segment` put right after its SOI marker. */
export const withSegment = (jpeg, segment) => Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);

/** {width, height} from a JPEG's first SOFn marker. */
export function jpegSize(jpeg) {
  let i = 2;
  while (i + 9 < jpeg.length) {
    if (jpeg[i] !== 0xff) throw new Error(`not a marker at ${i}`);
    const m = jpeg[i + 1];
    const len = jpeg.readUInt16BE(i + 2);
    if (m >= 0xc0 && m <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(m)) return { height: jpeg.readUInt16BE(i + 5), width: jpeg.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  throw new Error('no SOF');
}
