// The grids page in the browser (issue 17, "Grids": the 1+1+N team and the party branch or 党小组 that covers the
// grid, from the registry): a community administrator opens one of the community's grids, adds a member of the
// team by picking a registry member (the name comes from the register, not typed), names a 党小组 of a branch
// as the cover, and saves; the grid then shows both, and the edit dialog shows them again by name.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, COMMITTEE_A, login, pickOrg } from './helpers';

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

interface GridRow {
  id: number;
  name: string;
  team: { role: string; name: string; member_id: number | null }[];
  covering: { org_id: number | null; group_id: number | null; name: string } | null;
}

test('a community administrator links a registry member to a grid team and names the covering 党小组', async ({ page }) => {
  await login(page, COMMITTEE_A.username, COMMITTEE_A.password);
  await expect(page.getByTestId('home-hello')).toContainText(COMMITTEE_A.display);
  const session = await apiGet<{ grants: { org_id: number }[] }>(page, '/auth/session');
  const community = session.grants[0].org_id;
  const grids = (await apiGet<{ items: GridRow[] }>(page, `/grids?org_id=${community}`)).items;
  expect(grids.length, 'the demo draws grids in the community').toBeGreaterThan(0);
  const grid = grids[0];
  // a branch of the community with its 党小组 (the demo gives the branches groups)
  const branches = (await apiGet<{ items: { id: number }[] }>(page, `/orgs/${community}/children`)).items;
  let branch = 0;
  let group = { id: 0, name: '' };
  for (const b of branches) {
    const g = (await apiGet<{ groups: { id: number; name: string }[] }>(page, `/orgs/${b.id}/groups`)).groups;
    if (g.length) { branch = b.id; group = g[0]; break; }
  }
  expect(branch, 'a branch with a party group').toBeGreaterThan(0);
  const inTeam = new Set(grid.team.map((m) => m.member_id));
  const member = (await apiGet<{ items: { id: number; name: string }[] }>(page, `/members?org_id=${branch}&limit=20`)).items
    .find((m) => !inTeam.has(m.id))!;

  await page.goto('/#/grid');
  await page.locator(`[data-grid-id="${grid.id}"]`).click();
  await page.getByTestId('grid-edit').click();
  const dialog = page.getByTestId('grid-dialog');
  await expect(dialog).toBeVisible();
  // the team: a new row, role 党员, the member chosen by name from the register
  const n = await dialog.locator('.lx-team-row').count();
  await page.getByTestId('grid-team-add').click();
  const row = page.getByTestId(`grid-team-${n}`);
  await row.locator('.lx-role').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: '党员' }).first().click();
  await page.getByTestId(`grid-team-member-${n}`).click();
  await page.keyboard.type(member.name.slice(0, 2));
  await page.locator('.el-select-dropdown__item:visible', { hasText: member.name }).first().click();
  // the cover: the branch, then one of its groups
  await pickOrg(page, 'grid-covering', [community, branch]);
  await page.getByTestId('grid-group').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: group.name }).first().click();
  await page.screenshot({ path: `${SCREENS}17-grid-team-cover.png` });
  await page.getByTestId('grid-save').click();
  await expect(dialog).toBeHidden();

  const saved = await apiGet<GridRow>(page, `/grids/${grid.id}`);
  expect(saved.team.some((m) => m.role === 'member' && m.member_id === member.id && m.name === member.name)).toBe(true);
  expect(saved.covering?.group_id).toBe(group.id);
  expect(saved.covering?.name).toBe(group.name);
  await expect(page.getByTestId('grid-team')).toContainText(member.name);
  await expect(page.getByTestId('grid-detail')).toContainText(group.name);

  // opened again, the dialog shows the member and the group by name (not their ids)
  await page.getByTestId('grid-edit').click();
  await expect(page.getByTestId(`grid-team-member-${n}`)).toContainText(member.name);
  await expect(page.getByTestId('grid-group')).toContainText(group.name);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENS}17-grid-team-cover-phone.png` });
});
