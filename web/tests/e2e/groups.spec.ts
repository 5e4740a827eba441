// 党小组 in the browser (issue 4; domain.md §1.1, §1.2): the branch secretary opens 组织架构, forms a 党小组 for a building
// with a leader — a one-character name is named in Chinese, then fixed — adds two members, and sees who is not yet in
// any group; the org detail opens the branch's roster.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, login, SECRETARY } from './helpers';

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

test('the branch secretary forms a party group with its leader and members', async ({ page }) => {
  await login(page, SECRETARY.username, SECRETARY.password);
  await expect(page.getByTestId('home-hello')).toContainText(SECRETARY.display);
  const session = await apiGet<{ grants: { org_id: number }[] }>(page, '/auth/session');
  const branch = session.grants[0].org_id;
  // The demo branch has its groups already; the walk takes members who are in none (the branch's newest).
  const all = (await apiGet<{ items: { id: number; name: string }[] }>(page,
    `/members?org_id=${branch}&limit=200`)).items;
  const demo = await apiGet<{ groups: { name: string; members: { id: number }[] }[] }>(page, `/orgs/${branch}/groups`);
  expect(demo.groups.length).toBeGreaterThan(0);
  const grouped = new Set(demo.groups.flatMap((g) => g.members.map((m) => m.id)));
  const members = all.filter((m) => !grouped.has(m.id));
  expect(members.length).toBeGreaterThanOrEqual(4);
  await page.getByTestId('menu-org-structure').click();
  const panel = page.getByTestId('groups');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('不是一级党组织');
  await expect(page.getByTestId('groups-table')).toContainText('1号楼党小组');

  await page.getByTestId('group-add').click();
  const dialog = page.locator('.el-dialog:visible');
  await page.getByTestId('group-name').fill('楼');
  await dialog.getByText('楼栋', { exact: true }).click();
  await dialog.locator('input[placeholder*="3号楼"]').last().fill('9号楼');
  await page.getByTestId('group-leader').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: members[0].name }).first().click();
  await page.getByTestId('group-save').click();
  await expect(dialog).toContainText('党小组名称应为 2–30 个');
  await page.getByTestId('group-name').fill('9号楼党小组');
  await page.getByTestId('group-save').click();
  await expect(dialog).toBeHidden();
  const table = page.getByTestId('groups-table');
  const row = table.locator('.el-table__row', { hasText: '9号楼党小组' });
  await expect(row).toContainText(members[0].name);
  await expect(row).toContainText('1 名党员');

  await row.getByTestId('group-members').click();
  const pick = page.getByTestId('group-member-pick');
  for (const m of members.slice(1, 3)) {
    await pick.click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: m.name }).first().click();
  }
  await page.keyboard.press('Escape');
  await page.getByTestId('group-save').click();
  await expect(page.locator('.el-dialog:visible')).toHaveCount(0);
  await expect(row).toContainText('3 名党员');
  await expect(row).toContainText(members[2].name);
  await expect(page.getByTestId('groups-ungrouped')).toContainText('未编入党小组');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}groups.png`, fullPage: true, animations: 'disabled' });

  // The org detail opens its roster, narrowed to the branch.
  await page.getByTestId('org-roster-link').click();
  await expect(page).toHaveURL(/#\/member\/list\?org_id=/);
  await expect(page.getByTestId('member-org')).toContainText('党支部');
  await expect(page.getByTestId('member-table')).toContainText(members[0].name);
});
