// 可能是同一问题 in the browser (issue 17 "Duplicates"; domain.md §7.2 "duplicate demands merged"): community A's
// committee has a 12345 work order and an 81890 call about the same broken road 30 m apart; the 81890 event's page
// offers the 12345 one with its distance and age; the merge asks for a reason (named when missing), then the event
// reads 已合并 with its primary, and the primary lists the merged report. On the hotline form, typing the point shows
// "是否已有人反映？" before saving; the dispatch form offers the people of the assignee org. Screens at 1366×768 and
// on a 390×844 phone go to /work/notes/shots when that folder exists.
import { test, expect, type Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, apiSend, COMMITTEE_A, login, pickOrg } from './helpers';

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });
const NOTES = '/work/notes/shots/';
async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENS}${name}.png`, animations: 'disabled', fullPage: true });
  if (existsSync(NOTES)) await page.screenshot({ path: `${NOTES}dupes-${name}.png`, animations: 'disabled', fullPage: true });
}

const ROAD = { lng: 118.0612, lat: 24.4815 };
const NEAR = { lng: 118.0612, lat: 24.4818 };  // about 33 m north

test('an 81890 call is offered the 12345 order of the same road, merged into it, and the form sees it first', async ({ page }) => {
  test.slow();  // one walk through four pages and two viewports on a shared machine
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, COMMITTEE_A.username, COMMITTEE_A.password);
  await expect(page.getByTestId('home-hello')).toContainText(COMMITTEE_A.display);
  const community = (await apiGet<{ items: { id: number; name: string }[] }>(page, '/orgs/roots')).items[0];
  const primary = await apiSend<{ id: number }>(page, 'POST', '/events', { channel: 'hotline_12345', external_ref: 'GD-E2E-0038',
    category_code: 'facility.road', org_id: community.id, location: ROAD, address: '兴港路与海虹路交叉口',
    description: '路口路面塌陷一个大坑，电动车容易摔倒', reporter_name: '李先生', reporter_phone: '13800138038' });
  const dup = await apiSend<{ id: number }>(page, 'POST', '/events', { channel: 'hotline_81890', category_code: 'facility.road',
    org_id: community.id, location: NEAR, address: '兴港路口', description: '兴港路口有个坑，晚上看不见', reporter_name: '陈阿姨' });
  const p = await apiGet<{ number: string }>(page, `/events/${primary.id}`);

  await page.goto(`/#/event/${dup.id}`);
  const panel = page.getByTestId('event-duplicates');
  await expect(panel).toContainText('可能是同一问题');
  const cand = page.getByTestId(`event-duplicate-${primary.id}`);
  await expect(cand).toContainText(p.number);
  await expect(cand).toContainText(/相距约 3\d 米/);
  await expect(cand).toContainText('12345 热线');
  await shot(page, 'detail-candidates');

  await page.getByTestId(`event-merge-${primary.id}`).click();
  await page.getByTestId('event-merge-confirm').click();
  await expect(page.locator('.el-dialog:visible')).toContainText('请填写原因');
  await page.getByTestId('event-merge-reason').fill('与12345工单为同一处路面塌陷');
  await shot(page, 'merge-dialog');
  await page.getByTestId('event-merge-confirm').click();
  await expect(page.getByTestId('event-state')).toHaveText('已合并');
  await expect(page.getByTestId('event-merged-into')).toContainText(`本事件已合并至 ${p.number}`);
  await expect(page.getByTestId('event-timeline')).toContainText('合并到主事件');
  await shot(page, 'merged');

  await page.getByTestId('event-merged-into-link').click();
  await expect(page).toHaveURL(new RegExp(`#/event/${primary.id}$`));
  const list = page.getByTestId('event-merged-list');
  await expect(list).toContainText('合并进来的重复反映');
  await expect(list).toContainText('陈阿姨');
  await expect(page.getByTestId('event-timeline')).toContainText('合并重复反映');
  // 分派 to a named person: the people of the assignee org are offered
  await page.getByTestId('event-action-dispatch').click();
  await pickOrg(page, 'event-assignee', [community.id]);
  await page.getByTestId('event-assignee-user').click();
  await expect(page.locator('.el-select-dropdown__item:visible', { hasText: COMMITTEE_A.display })).toBeVisible();
  await shot(page, 'primary-dispatch');
  await page.keyboard.press('Escape');

  // the hotline form: already reported? before saving
  await page.goto('/#/event/intake');
  await page.locator('.el-cascader').first().click();  // el-cascader keeps no data-testid on its root
  await page.locator('.el-cascader-node:visible', { hasText: '公共设施' }).click();
  await page.locator('.el-cascader-node:visible', { hasText: '道路破损' }).click();
  await pickOrg(page, 'event-org', [community.id]);
  await expect(page.getByTestId('intake-duplicates')).toContainText('填写经纬度后');
  const num = (id: string) => page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first();
  await num('event-lng').fill(String(NEAR.lng));
  await num('event-lat').fill(String(NEAR.lat));
  await num('event-lat').blur();
  await expect(page.getByTestId('intake-duplicates')).toContainText('是否已有人反映？');
  await expect(page.getByTestId(`intake-duplicate-${primary.id}`)).toContainText(p.number);
  await expect(page.getByTestId(`intake-duplicate-${dup.id}`)).toHaveCount(0);  // merged: closed, no candidate
  await shot(page, 'intake-form');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/#/event/${dup.id}`);
  await expect(page.getByTestId('event-merged-into')).toBeVisible();
  await shot(page, 'merged-phone');
  await page.goto('/#/event/intake');
  await expect(page.getByTestId('event-intake-form')).toBeVisible();
  await shot(page, 'intake-phone');
});
