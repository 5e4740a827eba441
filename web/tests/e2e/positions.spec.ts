// 党群服务阵地 in the browser (issue 4; domain.md §10.2): community A's committee sees the demo street's centres that
// serve it — its own 党群服务中心, its compounds' 党群之家 and the street's centre — with today's hours, registers a
// new 党群之家 (a wrong period is named under its day, then fixed) and finds it in the list.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, COMMITTEE_A, login, pickOrg } from './helpers';

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

test('the committee sees the centres that serve it and registers a 党群之家', async ({ page }) => {
  await login(page, COMMITTEE_A.username, COMMITTEE_A.password);
  await expect(page.getByTestId('home-hello')).toContainText(COMMITTEE_A.display);
  const community = (await apiGet<{ items: { id: number; name: string; place: { name: string } | null }[] }>(page, '/orgs/roots')).items[0];
  await page.getByTestId('menu-org-positions').click();
  await expect(page).toHaveURL(/#\/org\/positions/);
  const table = page.getByTestId('position-table');
  const own = `${community.place?.name ?? ''}党群服务中心`;
  await expect(table).toContainText(own);
  await expect(table).toContainText('嵩屿街道党群服务中心');
  await expect(table).toContainText('小区党群之家');
  await expect(table.locator('.el-table__row', { hasText: '嵩屿街道党群服务中心' }).getByRole('button')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}positions.png`, animations: 'disabled' });

  await page.getByTestId('position-add').click();
  const dialog = page.getByTestId('position-dialog');
  await expect(dialog).toBeVisible();
  await pickOrg(page, 'position-org', [community.id]);
  await page.getByTestId('position-level').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: '小区党群之家' }).click();
  await page.getByTestId('position-name').fill('测试新苑党群之家');
  await page.getByTestId('position-address').fill('厦门市海沧区嵩屿街道测试新苑2号楼');
  await page.getByTestId('position-lat').fill('24.4721');
  await page.getByTestId('position-lng').fill('118.0496');
  await page.getByTestId('position-hours-mon').fill('18:30-21:00');
  await page.getByTestId('position-copy').click();
  await page.getByTestId('position-hours-wed').fill('21:00-18:30');
  await page.getByTestId('position-hours-sat').fill('9:00至12:00，15:00-21:00');
  await dialog.getByText('志愿服务').click();
  await dialog.getByText('为老服务').click();
  await page.getByTestId('position-save').click();
  await expect(dialog).toContainText('周三开放时间应写成“08:30-12:00”');
  await page.screenshot({ path: `${SCREENS}position-error.png`, animations: 'disabled' });
  await page.getByTestId('position-hours-wed').fill('18:30-21:00');
  await page.getByTestId('position-save').click();
  await expect(dialog).toBeHidden();
  const row = table.locator('.el-table__row', { hasText: '测试新苑党群之家' });
  await expect(row).toContainText('小区党群之家');
  await expect(row).toContainText('志愿服务');
  await expect(row.getByRole('button', { name: '修改' })).toBeVisible();
});
