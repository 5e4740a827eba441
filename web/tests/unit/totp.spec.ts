// The e2e tests' TOTP helper against the RFC 6238 / RFC 4226 test vectors.
import { describe, expect, it } from 'vitest';
import { base32Decode, hotp, totp } from '../e2e/totp';

// "12345678901234567890" in base32
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP helper', () => {
  it('decodes base32', () => {
    expect(base32Decode(SECRET).toString('ascii')).toBe('12345678901234567890');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq').toString('ascii')).toBe('12345678901234567890');
  });

  it('matches the RFC 4226 HOTP values', () => {
    const key = Buffer.from('12345678901234567890');
    expect([0, 1, 2, 3, 9].map((c) => hotp(key, c))).toEqual(['755224', '287082', '359152', '969429', '520489']);
  });

  it('matches the RFC 6238 SHA-1 values (last 6 digits)', () => {
    expect(totp(SECRET, 59_000)).toBe('287082');
    expect(totp(SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totp(SECRET, 1_234_567_890_000)).toBe('005924');
    expect(totp(SECRET, 2_000_000_000_000)).toBe('279037');
  });
});
