// 区域化党建 in the browser (issue 4 "Organizations"; domain.md §1.4): the administrator of a community committee
// opens 组织架构, finds the community's 大党委 (the demo street's, seed 000) with this turn's convenor, opens it, sees
// the convenor highlighted with the handover day, adds a member unit — a wrong 统一社会信用代码 is named in Chinese
// first — and moves it up the rotation. The street's 大党工委 is not in the community's scope.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, COMMITTEE_A, login } from './helpers';

test.describe.configure({ mode: 'serial' });

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

interface Overlay {
  id: number;
  kind: string;
  name: string;
  host_org: { id: number; name: string };
  counts: { units: number; part_time_members: number; linked_members: number };
  convenor: { unit_id: number; name: string; from: string; until: string } | null;
  next_handover: string | null;
  rotation: { order: number[] };
  turns?: { unit_id: number; name: string; current: boolean }[];
}

let page: Page;
let overlay: Overlay;

test('a) a community administrator sees its 大党委 with this turn\'s convenor', async ({ browser }) => {
  page = await (await browser.newContext()).newPage();
  await login(page, COMMITTEE_A.username, COMMITTEE_A.password);
  await expect(page.getByTestId('home-hello')).toContainText(COMMITTEE_A.display);
  await page.getByTestId('menu-org-structure').click();
  await expect(page).toHaveURL(/#\/org\/structure/);
  const card = page.getByTestId('overlay-card');
  await expect(card).toContainText('区域化党建（大工委、大党委）');

  const list = await apiGet<{ items: Overlay[] }>(page, '/overlays');
  expect(list.items.map((o) => o.kind), 'only the community\'s own 大党委, not the street\'s 大党工委').toEqual(['big_party_committee']);
  overlay = list.items[0];
  expect(overlay.convenor, 'the demo rotation runs by quarter from 2025').not.toBeNull();
  await expect(card.getByTestId(`overlay-open-${overlay.id}`)).toHaveText(overlay.name);
  await expect(card.getByTestId(`overlay-convenor-${overlay.id}`)).toHaveText(overlay.convenor!.name);
  await expect(card).toContainText(`至 ${dayBefore(overlay.convenor!.until)}`);  // the turn's last day
  await card.screenshot({ path: `${SCREENS}overlays-list.png`, animations: 'disabled' });
});

test('b) the drawer highlights the convenor and the handover; a unit is added after a wrong USCC is named', async () => {
  await page.getByTestId(`overlay-open-${overlay.id}`).click();
  const drawer = page.getByTestId('overlay-drawer');
  await expect(drawer.getByTestId('overlay-name')).toHaveText(overlay.name);
  const detail = await apiGet<Overlay>(page, `/overlays/${overlay.id}`);
  const next = detail.turns!.find((t) => !t.current)!;
  await expect(drawer.getByTestId('overlay-convenor-name')).toHaveText(overlay.convenor!.name);
  await expect(drawer.getByTestId('overlay-handover')).toContainText(`${detail.next_handover} 由“${next.name}”接任`);
  await expect(drawer.getByTestId('overlay-turns').locator('.lx-turn-now')).toContainText(overlay.convenor!.name);
  await expect(drawer.getByTestId('overlay-unit-count')).toHaveText(`${overlay.counts.units} 个`);
  await expect(drawer.getByTestId('overlay-part-time-count')).toHaveText(`${overlay.counts.part_time_members} 名`);
  await page.screenshot({ path: `${SCREENS}overlays.png`, animations: 'disabled' });

  await drawer.getByTestId('overlay-add-unit').click();
  const dialog = page.getByTestId('unit-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('unit-name').fill('示范路社区书院');
  await dialog.getByTestId('unit-type').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: '社会组织' }).first().click();
  await expect(dialog.getByTestId('unit-two-new')).toHaveClass(/is-checked/);  // a social organization is two-new
  await dialog.getByTestId('unit-uscc').fill('52990000400000001X');
  await dialog.getByTestId('unit-head-name').fill('周晓燕');
  await dialog.getByTestId('unit-head-post').fill('理事长');
  await dialog.getByTestId('unit-submit').click();
  await expect(dialog).toContainText('统一社会信用代码应为 18 位');
  const uscc = `52990000400000001${usccCheck('52990000400000001')}`;
  await dialog.getByTestId('unit-uscc').fill(uscc);
  await dialog.getByTestId('unit-submit').click();
  await expect(dialog).toBeHidden();
  await expect(drawer.getByTestId('overlay-units')).toContainText('示范路社区书院');
  await expect(drawer.getByTestId('overlay-units')).toContainText('周晓燕');
  await expect(drawer.getByTestId('overlay-unit-count')).toHaveText(`${overlay.counts.units + 1} 个`);
  await expect(drawer.getByTestId('overlay-convenor-name')).toHaveText(overlay.convenor!.name);  // the turn stays
});

test('c) the new unit, last in the rotation, moves up one place', async () => {
  const before = await apiGet<Overlay & { units: { id: number; name: string }[] }>(page, `/overlays/${overlay.id}`);
  const added = before.units.find((u) => u.name === '示范路社区书院')!;
  expect(before.rotation.order.at(-1), 'a unit that joins convenes last').toBe(added.id);
  const drawer = page.getByTestId('overlay-drawer');
  await drawer.getByTestId('overlay-roster-edit').click();
  const dialog = page.getByTestId('roster-dialog');
  await expect(dialog.getByTestId('roster-item')).toHaveCount(before.rotation.order.length);
  await dialog.getByTestId(`roster-up-${added.id}`).click();
  await dialog.getByTestId('roster-submit').click();
  await expect(dialog).toBeHidden();
  const after = await apiGet<Overlay>(page, `/overlays/${overlay.id}`);
  expect(after.rotation.order.at(-2)).toBe(added.id);
  expect(after.rotation.order.length).toBe(before.rotation.order.length);
});

/** The day before `ymd` (a turn's `until` is exclusive). */
function dayBefore(ymd: string): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

// GB 32100-2015: the check character over the first 17 characters (weights 3^i mod 31).
function usccCheck(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first17[i]) * (3 ** i % 31);
  return alphabet[(31 - (sum % 31)) % 31];
}
