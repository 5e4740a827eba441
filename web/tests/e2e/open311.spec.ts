// Open311 接口密钥 in the browser (issue 17 "Open interfaces"; docs/api.md "Open311"): the org admin of 嵩屿街道 issues a
// key for an outside client on the street, sees it once in the dialog, finds it masked in the list, checks that the
// interface accepts it (a post without a service is refused 400, not 403), revokes it after a confirmation, and the
// interface then refuses it (403). Screenshots at 1366×768 and 390×844 (zh-CN).
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, login, STREET_ADMIN } from './helpers';

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

/** POSTs an Open311 form from inside the page (no session needed); its status and the spec's error codes. */
async function open311Post(page: Page, apiKey: string): Promise<{ status: number; codes: number[] }> {
  return page.evaluate(async (k) => {
    const r = await fetch('/open311/v2/requests.json', {
      method: 'POST', credentials: 'omit', body: new URLSearchParams({ api_key: k, description: '测试' }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const body = await r.json();
    return { status: r.status, codes: Array.isArray(body) ? body.map((e: { code: number }) => e.code) : [] };
  }, apiKey);
}

test('the street admin issues an Open311 key, sees it once, and revokes it', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, STREET_ADMIN.username, STREET_ADMIN.password);
  await expect(page.getByTestId('home-hello')).toContainText(STREET_ADMIN.display);
  const street = (await apiGet<{ items: { id: number; name: string }[] }>(page, '/orgs/roots')).items[0];
  await page.goto('/#/system/open311');
  await expect(page.getByRole('heading', { name: 'Open311 接口密钥' })).toBeVisible();
  // Nothing typed: the missing client name is named in Chinese under its field.
  await page.getByTestId('open311-issue').click();
  await expect(page.getByText('请填写客户端名称')).toBeVisible();
  await page.getByTestId('open311-org').click();
  await page.locator('.el-popper.lx-org-popper:visible').locator(`[data-org-id="${street.id}"]`).first().click();
  await page.getByTestId('open311-name').fill('市民热线平台');
  await page.getByTestId('open311-issue').click();
  const dialog = page.getByTestId('open311-issued');
  await expect(dialog).toBeVisible();
  const secret = await page.getByTestId('open311-secret').inputValue();
  expect(secret).toMatch(/^o311_[\w-]{32}$/);
  await page.screenshot({ path: `${SCREENS}open311-issued.png`, animations: 'disabled' });
  await page.getByTestId('open311-close').click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('open311-keys').locator('tr', { hasText: '市民热线平台' }).first();
  await expect(row).toContainText(`o311_…${secret.slice(-4)}`);
  await expect(row).toContainText('有效');
  await expect(page.getByTestId('open311-keys')).not.toContainText(secret);
  // The interface takes the key: refused for the missing service and place (400), not for the key (403).
  const accepted = await open311Post(page, secret);
  expect(accepted.status).toBe(400);
  expect(accepted.codes.every((c) => c === 400)).toBe(true);
  await page.screenshot({ path: `${SCREENS}open311.png`, animations: 'disabled', fullPage: true });

  await row.getByTestId('open311-revoke').click();
  await page.locator('.el-message-box').getByRole('button', { name: '吊销' }).click();
  await expect(row).toContainText('已吊销');
  await expect(row.getByTestId('open311-revoke')).toHaveCount(0);
  expect((await open311Post(page, secret)).status).toBe(403);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENS}open311-phone.png`, animations: 'disabled', fullPage: true });
});
