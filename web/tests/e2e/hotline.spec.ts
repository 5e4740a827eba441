// The hotline channel in the browser (issue 17 "Events and their intake": 12345 / 81890 work orders imported from
// the platform's sheet, idempotent by 工单编号; "The closed loop": "Hotline events get a call-back (回访) record").
// The org admin of 嵩屿街道 opens 事件, imports a sheet into 甲社区 — one row with an unknown 类别 is refused by
// name, the two good ones are registered, the same file again is "已导入，跳过" — then, once 甲社区 has handled one
// and the street has verified it, records the call-back on the event's page: reached, resolved, 4 stars.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, apiSend, COMMITTEE_A, login, pickOrg, STREET_ADMIN } from './helpers';

test.describe.configure({ mode: 'serial' });

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

const RUN = Date.now().toString(36).toUpperCase();
const REF = (n: number) => `GD-${RUN}-${n}`;
const SHEET = Buffer.from([
  '12345市民服务热线工单导出',
  '序号,工单编号,来电时间,来电内容,事发地址,诉求类别,办理时限,来电人,联系电话',
  `1,${REF(1)},2026-11-20 09:30,海沧大道路灯连续三晚不亮,海沧大道 100 号,路灯损坏,2099-12-31 18:00,王先生,13800003001`,
  `2,${REF(2)},2026-11-20 10:15,小区门口垃圾无人清运,嵩屿路 8 号,市容环境/垃圾堆放,,李女士,13800003002`,
  `3,${REF(3)},2026-11-20 11:00,夜间施工噪声扰民,嵩屿路 9 号,噪声污染,,,`,
].join('\r\n') + '\r\n', 'utf8');

interface Detail { id: number; version: number; state: string }

async function signIn(browser: Browser, u: { username: string; password: string; display: string }): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } })).newPage();
  await login(page, u.username, u.password);
  await expect(page.getByTestId('home-hello')).toContainText(u.display);
  return page;
}

async function upload(page: Page): Promise<void> {
  const previewed = page.waitForResponse((r) => r.url().includes('/api/v1/hotline-imports/preview') && r.request().method() === 'POST');
  await page.getByTestId('hotline-import-file').setInputFiles({ name: '12345工单.csv', mimeType: 'text/csv', buffer: SHEET });
  expect((await previewed).status()).toBe(200);
  await expect(page.getByTestId('hotline-import-preview')).toBeVisible();
}

let eventId = 0;
let communityA = 0;

test('a) the operator imports a work-order sheet: the bad row is named, the good ones registered once', async ({ browser }) => {
  const committee = await signIn(browser, COMMITTEE_A);
  const session = await apiGet<{ grants: { org_id: number; org_name: string }[] }>(committee, '/auth/session');
  communityA = session.grants[0].org_id;
  const page = await signIn(browser, STREET_ADMIN);
  const street = (await apiGet<{ items: { id: number; name: string }[] }>(page, '/orgs/roots')).items[0];
  await page.goto('/#/event/queue');
  await page.getByTestId('hotline-import-open').click();
  await expect(page.getByTestId('hotline-import')).toBeVisible();
  await pickOrg(page, 'hotline-import-org', [street.id, communityA]);
  await upload(page);
  await expect(page.getByTestId('hotline-count-create')).toHaveText('新登记 2 条');
  await expect(page.getByTestId('hotline-count-error')).toHaveText('有误 1 条');
  const bad = page.getByTestId('hotline-import-rows').locator('.el-table__row', { hasText: REF(3) });
  await expect(bad).toContainText('类别“噪声污染”不在事件分类中');
  await expect(page.getByTestId('hotline-import-commit')).toHaveText('登记 2 条工单');
  await page.screenshot({ path: `${SCREENS}hotline-import-preview.png`, animations: 'disabled' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENS}hotline-import-preview-phone.png`, fullPage: true, animations: 'disabled' });
  await page.setViewportSize({ width: 1366, height: 768 });

  const committed = page.waitForResponse((r) => /\/api\/v1\/hotline-imports\?/.test(r.url()) && r.request().method() === 'POST');
  await page.getByTestId('hotline-import-commit').click();
  const done = await committed;
  expect(done.status()).toBe(201);
  const body = (await done.json()) as { rows: { external_ref: string; event_id: number | null }[] };
  eventId = body.rows.find((r) => r.external_ref === REF(1))!.event_id!;
  await expect(page.getByText('已登记 2 条工单')).toBeVisible();

  // The same file again: both numbers were imported, nothing is left to register.
  await upload(page);
  await expect(page.getByTestId('hotline-count-skip')).toHaveText('已导入 2 条');
  await expect(page.getByTestId('hotline-import-rows').locator('.el-table__row', { hasText: REF(1) })).toContainText('已导入，跳过');
  await expect(page.getByTestId('hotline-import-commit')).toBeDisabled();
  await page.screenshot({ path: `${SCREENS}hotline-import-again.png`, animations: 'disabled' });

  // The platform's 办理时限 is the event's deadline.
  const ev = await apiGet<{ external_ref: string; handle_by: string; channel: string }>(page, `/events/${eventId}`);
  expect(ev.channel).toBe('hotline_12345');
  expect(ev.handle_by).toBe('2099-12-31T10:00:00.000Z');
});

test('b) after 办结 and 核查 the operator records the call-back on the event page', async ({ browser }) => {
  const page = await signIn(browser, STREET_ADMIN);
  const committee = await signIn(browser, COMMITTEE_A);
  let ev = await apiGet<Detail>(page, `/events/${eventId}`);
  ev = await apiSend<Detail>(page, 'POST', `/events/${eventId}/actions`, { version: ev.version, action: 'dispatch', assignee_org_id: communityA, deadline: '2099-01-10 18:00' });
  ev = await apiSend<Detail>(committee, 'POST', `/events/${eventId}/actions`, { version: ev.version, action: 'start' });
  ev = await apiSend<Detail>(committee, 'POST', `/events/${eventId}/actions`, { version: ev.version, action: 'handle', note: '已更换路灯灯头，夜间复查正常' });
  ev = await apiSend<Detail>(page, 'POST', `/events/${eventId}/actions`, { version: ev.version, action: 'verify' });
  expect(ev.state).toBe('verified');

  await page.goto(`/#/event/${eventId}`);
  await expect(page.getByTestId('event-callback-form')).toBeVisible();
  await expect(page.getByTestId('event-callback-due')).toContainText('回访期限');
  await page.getByTestId('event-callback-reached-yes').click();
  await page.getByTestId('event-callback-outcome-resolved').click();
  await page.getByTestId('event-callback-score').locator('.el-rate__item').nth(3).click();
  await page.getByTestId('event-callback-note').fill('王先生表示路灯已修好，晚上回家方便了');
  await page.screenshot({ path: `${SCREENS}hotline-callback-form.png`, fullPage: true, animations: 'disabled' });
  const acted = page.waitForResponse((r) => r.url().includes(`/api/v1/events/${eventId}/actions`) && r.request().method() === 'POST');
  await page.getByTestId('event-callback-submit').click();
  expect((await acted).status()).toBe(200);
  await expect(page.getByTestId('event-state')).toHaveText('已评价');
  await expect(page.getByTestId('event-flow-callback')).toContainText('回访：已联系上 · 已解决 · 满意度 4 分');
  await expect(page.getByTestId('event-callback-form')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}hotline-callback-done.png`, fullPage: true, animations: 'disabled' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENS}hotline-callback-done-phone.png`, fullPage: true, animations: 'disabled' });
});
