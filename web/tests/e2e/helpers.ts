// Helpers the end-to-end walks share: signing in, reading the API from inside the page, and the accounts
// the walks create (the development walk signs in as the branch secretary that the foundation walk,
// lianxin.spec.ts test c, creates on a 党支部 of 嵩屿街道).
import type { Page } from '@playwright/test';

export const SECRETARY = { username: 'secretary1', display: '测试支部书记', password: 'Branch-meets-every-month-07' };

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/#/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** GET an API path from inside the page (the browser sends the session cookie). */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const r = await fetch(`/api/v1${p}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!r.ok) throw new Error(`${p}: ${r.status}`);
    return r.json();
  }, path);
}
