// Accounts the end-to-end walks create and share: the development walk signs in as the branch secretary
// that the foundation walk (lianxin.spec.ts, test c) creates on a 党支部 of 嵩屿街道.
export const SECRETARY = { username: 'secretary1', display: '测试支部书记', password: 'Branch-meets-every-month-07' };
