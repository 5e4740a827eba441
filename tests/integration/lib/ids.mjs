// Synthetic citizen ID numbers (GB 11643-1999): region 99 does not exist, so no number can be real; the
// check character is computed (ISO 7064 MOD 11-2) so that the server accepts them.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** An ID number born on yyyymmdd with sequence seq (odd = male, even = female). */
export function syntheticId(yyyymmdd, seq) {
  const first17 = `990000${yyyymmdd}${String(seq % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return first17 + CHECK[sum % 11];
}
