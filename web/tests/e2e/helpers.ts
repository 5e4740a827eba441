// Helpers the end-to-end walks share: signing in, reading the API from inside the page, and the accounts
// the walks create (the development walk signs in as the branch secretary that the foundation walk,
// lianxin.spec.ts test c, creates on a 党支部 of 嵩屿街道).
import { expect, type Page } from '@playwright/test';

export const SECRETARY = { username: 'secretary1', display: '测试支部书记', password: 'Branch-meets-every-month-07' };
// Administrators of two community party committees under 嵩屿街道 (lianxin.spec.ts test c2): the first is
// the secretary's community, the second another one; the transfer walk moves a member between them.
export const COMMITTEE_A = { username: 'committee_a', display: '甲社区党委管理员', password: 'Letters-go-out-by-hand-2026' };
export const COMMITTEE_B = { username: 'committee_b', display: '乙社区党委管理员', password: 'Receipts-come-back-in-a-month' };
// The org admin of 嵩屿街道's working committee itself (lianxin.spec.ts test c2): the policy walk changes a street rule.
export const STREET_ADMIN = { username: 'street_admin', display: '嵩屿街道工委管理员', password: 'Rules-hold-from-their-date-16' };
// The liaison of a property company in 甲社区's 大党委 (lianxin.spec.ts test c2): the loop walk (loop.spec.ts) whistles
// to the unit and the liaison reports (报到) — issue 17 "Roles and access", unit liaison of an overlay member unit.
export const UNIT_LIAISON = { username: 'unit_liaison1', display: '物业服务中心联络员', password: 'Whistle-blown-report-in-30' };

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

/** POST/PUT a JSON body to an API path from inside the page, with the session's CSRF token; the answer's JSON. */
export async function apiSend<T>(page: Page, method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
  return page.evaluate(async ({ m, p, b }) => {
    const s = await fetch('/api/v1/auth/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const { csrf_token } = await s.json();
    const r = await fetch(`/api/v1${p}`, {
      method: m, credentials: 'same-origin', body: JSON.stringify(b),
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': csrf_token },
    });
    if (!r.ok) throw new Error(`${m} ${p}: ${r.status} ${await r.text()}`);
    return r.json();
  }, { m: method, p: path, b: body });
}

/** The row of one org in a tree, and its .el-tree-node (which carries aria-expanded). */
export function treeNode(scope: ReturnType<Page['locator']>, id: number) {
  const row = scope.locator(`.el-tree-node__content:has([data-org-id="${id}"])`).first();
  return { row, node: row.locator('xpath=..') };
}

/** Open one lazy tree node. `opensItself`: the structure page opens its roots by itself; give it a moment. */
export async function expandNode(scope: ReturnType<Page['locator']>, id: number, opensItself = false): Promise<void> {
  const { row, node } = treeNode(scope, id);
  await expect(row).toBeVisible();
  if ((await node.getAttribute('aria-expanded')) === 'true') return;
  if (opensItself) {
    try {
      await expect(node).toHaveAttribute('aria-expanded', 'true', { timeout: 2_000 });
      return;
    } catch {
      // not opened by the page: open it below
    }
  }
  await row.locator('.el-tree-node__expand-icon').click();
  await expect(node).toHaveAttribute('aria-expanded', 'true');
}

/** In the structure page's tree, open each node on the path. */
export async function expandTreePath(page: Page, ids: number[]): Promise<void> {
  for (const [i, id] of ids.entries()) await expandNode(page.getByTestId('org-tree'), id, i === 0);
}

/** Choose an org in an OrgTreeSelect by expanding the path in its drop-down. */
export async function pickOrg(page: Page, testid: string, path: number[]): Promise<void> {
  await page.getByTestId(testid).click();
  const popper = page.locator('.el-popper.lx-org-popper:visible');
  await expect(popper).toHaveCount(1);
  for (const id of path.slice(0, -1)) await expandNode(popper, id);
  await popper.locator(`[data-org-id="${path[path.length - 1]}"]`).first().click();
  await expect(page.locator('.el-popper.lx-org-popper:visible')).toHaveCount(0);
}

