// RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits) with an RFC 4648 base32 decoder — enough to pass the
// second factor in end-to-end tests.
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(input: string): Buffer {
  const clean = input.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = ALPHABET.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function hotp(key: Buffer, counter: number, digits = 6): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(bin % 10 ** digits).padStart(digits, '0');
}

export function totp(secretBase32: string, atMs = Date.now(), step = 30, digits = 6): string {
  return hotp(base32Decode(secretBase32), Math.floor(atMs / 1000 / step), digits);
}

const lastStep = new Map<string, number>();

/**
 * A code the server has not seen yet for this secret: waits for the next 30 s step when the current
 * one was already used (the server rejects a replayed code) or is about to end.
 */
export async function freshTotp(secretBase32: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const stepNo = Math.floor(now / 30_000);
    const left = 30_000 - (now % 30_000);
    if (lastStep.get(secretBase32) !== stepNo && left > 3_000) {
      lastStep.set(secretBase32, stepNo);
      return totp(secretBase32, now);
    }
    await new Promise((r) => setTimeout(r, left + 200));
  }
}
