// The closed loop in the browser (issue 17 "Done when"; domain.md §7.2 and §7 "What the software must enforce"):
// a resident reports on a phone page (390 × 844; the one-time code comes from the demo sink) → 甲社区 dispatches →
// whistles (吹哨) to a property company of its 大党委 → the unit's liaison reports (报到) → the community handles with
// an after photo → the street (the level above) verifies, someone other than the handler → feedback → the resident
// says "not resolved" → reopened to the same handler → handled again → resolved and rated 5 → the street's rates
// board moves (read before and after). Then the grid worker's queue and the supervision board on a phone and on A4.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { apiGet, apiSend, COMMITTEE_A, login, pickOrg, STREET_ADMIN, UNIT_LIAISON } from './helpers';

// A photo "taken after handling", made here (no binary file committed): an RGB PNG, left half green, right grey.
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const be32 = (v: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(v >>> 0); return b; };
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([be32(data.length), body, be32(crc32(body))]);
};
function photoPng(w: number, h: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + 3 * w);
    for (let x = 0; x < w; x++) row.fill(x < w / 2 ? 0 : 160, 1 + 3 * x, 4 + 3 * x), (row[2 + 3 * x] = 160);
    rows.push(row);
  }
  const ihdr = Buffer.concat([be32(w), be32(h), Buffer.from([8, 2, 0, 0, 0])]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

test.describe.configure({ mode: 'serial' });
const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const RESIDENT_PHONE = '13955501717';

interface RatesRow { key: string; events: number; resolution: { num: number; den: number }; satisfaction: { num: number; den: number } }
interface Detail { id: number; number: string; version: number; state: string; org_id: number; actions: string[];
  whistles: { id: number; reported_at: string | null }[]; flow: { action: string; photo_ids: string[] }[] }

async function staff(browser: Browser, who: { username: string; password: string }, phone = false): Promise<Page> {
  const ctx = await browser.newContext(phone ? PHONE : { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  await login(page, who.username, who.password);
  await expect(page.getByTestId('home-hello')).toBeVisible();
  return page;
}

/** The resident verifies the phone on the page: the code that was "texted" is shown by the demo sink. */
async function verifyPhone(page: Page): Promise<void> {
  const box = page.locator('[data-test="phone-verify"]');
  await expect(box).toBeVisible();
  if (await box.locator('[data-test="verified"]').count()) return;
  await box.locator('[data-test="phone"]').fill(RESIDENT_PHONE);
  await box.locator('[data-test="send"]').click();
  const demo = box.locator('[data-test="demo-code"]');
  await expect(demo).toBeVisible();
  const code = /(\d{6})/.exec((await demo.textContent()) ?? '')![1];
  await box.locator('[data-test="code"]').fill(code);
  await box.locator('[data-test="verify"]').click();
  // verified: the report page moves on to its next step, the follow page shows the confirmation
  await expect(page.locator('[data-test="phone-verify"] [data-test="code"]')).toHaveCount(0);
}

/** One step on the event's page through its action form. */
async function act(page: Page, id: number, action: string, fill?: (p: Page) => Promise<void>): Promise<void> {
  await page.goto(`/#/event/${id}`);
  await page.reload();  // the same hash does not load again: read the event's current version
  await page.getByTestId(`event-action-${action}`).click();
  if (fill) await fill(page);
  const answered = page.waitForResponse((r) => r.url().endsWith(`/api/v1/events/${id}/actions`) && r.request().method() === 'POST');
  await page.getByTestId('event-action-submit').click();
  const r = await answered;
  expect(r.status(), `${action}: ${await r.text()}`).toBe(200);
}

const afterPhoto = async (page: Page) => {
  await page.getByTestId('event-note').fill('已联系物业清运，现场已清理干净');
  const picker = page.getByTestId('event-after-photos');
  await picker.locator('[data-test="file"]').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: photoPng(64, 48) });
  await expect(picker.locator('[data-test="photo"] .badge.ok')).toHaveCount(1);
};

test('a resident’s report goes round the closed loop to a rating of 5, and the street’s rates move', async ({ browser }) => {
  const street = await staff(browser, STREET_ADMIN);
  const streetId = (await apiGet<{ items: { id: number }[] }>(street, '/orgs/roots')).items[0].id;
  const rates = async () => (await apiGet<{ rows: RatesRow[] }>(street, `/event-rates?org_id=${streetId}&group_by=street`))
    .rows.find((r) => r.key === String(streetId)) ?? { key: '', events: 0, resolution: { num: 0, den: 0 }, satisfaction: { num: 0, den: 0 } };
  const before = await rates();

  const community = await staff(browser, COMMITTEE_A);
  const session = await apiGet<{ grants: { org_id: number; org_name: string }[] }>(community, '/auth/session');
  const A = session.grants[0];

  // 1. The resident, on a phone: verify, category, text, photos (none), the community and an address, send.
  const rctx = await browser.newContext(PHONE);
  const resident = await rctx.newPage();
  await resident.goto('/#/r/report');
  await verifyPhone(resident);
  await resident.locator('[data-test="step-category"] [data-test="cat-city.garbage"]').click();
  await resident.locator('[data-test="description"]').fill('小区北门垃圾堆放三天无人清理，气味很大');
  await resident.locator('[data-test="next"]').click();
  await expect(resident.locator('[data-test="step-photos"]')).toBeVisible();
  await resident.locator('[data-test="next"]').click();
  await expect(resident.locator('[data-test="step-place"]')).toBeVisible();
  await resident.locator('[data-test="community"]').click();
  await resident.locator('.el-select-dropdown__item:visible', { hasText: A.org_name }).first().click();
  await resident.locator('[data-test="address"]').fill('北门垃圾站旁');
  await resident.locator('[data-test="next"]').click();
  const sent = resident.waitForResponse((r) => r.url().endsWith('/api/v1/public/events') && r.request().method() === 'POST');
  await resident.locator('[data-test="send"]').click();
  const receipt = await (await sent).json() as { id: number; number: string; follow_token: string };
  await expect(resident.locator('[data-test="sent"]')).toBeVisible();
  await resident.screenshot({ path: `${SCREENS}loop-resident-sent-390.png`, fullPage: true });
  const id = receipt.id;

  // 2. 甲社区 accepts it: dispatches it to itself (the SLA deadline of the category), then whistles to the property
  //    company of its 大党委 (the API: the form whistles to orgs of the tree).
  const detail = async (p: Page) => apiGet<Detail>(p, `/events/${id}`);
  // (the tree of the picker starts at the committee's own scope root: 甲社区 itself)
  await act(community, id, 'dispatch', async (p) => pickOrg(p, 'event-assignee', [A.org_id]));
  const hosted = await apiGet<{ items: { id: number; host_org: { id: number } }[] }>(community, `/overlays?org_id=${A.org_id}`);
  const overlay = hosted.items.find((o) => o.host_org.id === A.org_id)!;
  const units = (await apiGet<{ units: { id: number; unit_type: string; left_on: string | null }[] }>(community, `/overlays/${overlay.id}`)).units;
  const liaisonSession = await staff(browser, UNIT_LIAISON);
  const unitId = (await apiGet<{ grants: { overlay_unit_id: number | null }[] }>(liaisonSession, '/auth/session')).grants[0].overlay_unit_id;
  expect(units.some((u) => u.id === unitId)).toBe(true);
  let ev = await detail(community);
  await apiSend(community, 'POST', `/events/${id}/actions`, { version: ev.version, action: 'whistle', target_kind: 'overlay_unit',
    overlay_id: overlay.id, overlay_unit_id: unitId, reason: '垃圾站属物业管理范围，需物业到场' });

  // 3. The unit's liaison sees it in its queue (本单位待报到) and reports (报到).
  await liaisonSession.goto('/#/event/whistled');
  await expect(liaisonSession.getByTestId('whistle-table')).toContainText(receipt.number);
  await act(liaisonSession, id, 'report', async (p) => p.getByTestId('event-note').fill('物业项目经理已到场'));
  await liaisonSession.screenshot({ path: `${SCREENS}loop-liaison-reported.png`, fullPage: true });

  // 4. The community handles it with an after photo; it may not verify its own handling; the street verifies.
  await act(community, id, 'start');
  await act(community, id, 'handle', afterPhoto);
  ev = await detail(community);
  expect(ev.state).toBe('handled');
  expect(ev.flow.at(-1)!.photo_ids).toHaveLength(1);
  expect(ev.actions).not.toContain('verify');
  await act(street, id, 'verify');
  await act(community, id, 'feedback', async (p) => p.getByTestId('event-note').fill('已清运，欢迎监督'));
  await community.goto(`/#/event/${id}`);
  await expect(community.getByTestId('event-flow-photos-' + (ev.flow.length))).toBeVisible();
  await community.screenshot({ path: `${SCREENS}loop-event-detail-1366.png`, fullPage: true });

  // 5. The resident follows the link and says "not resolved": reopened to the same handler.
  const follow = async () => {
    await resident.goto(`/#/r/e/${receipt.follow_token}`);
    await resident.reload();
    await expect(resident.locator('[data-test="confirm"]')).toBeVisible();
    if (await resident.locator('[data-test="phone-verify"]').count()) await verifyPhone(resident);
  };
  await follow();
  await resident.locator('[data-test="outcome-not_resolved"]').click();
  await resident.locator('[data-test="star-2"]').click();
  await resident.locator('[data-test="send-confirm"]').click();
  await expect(resident.locator('[data-test="done"]')).toBeVisible();
  ev = await detail(community);
  expect(ev.state).toBe('in_progress');
  expect((await apiGet<{ assignee_org_id: number }>(community, `/events/${id}`)).assignee_org_id).toBe(A.org_id);

  // 6. Handled again, verified by the street, told; the resident: resolved, 5 stars.
  await act(community, id, 'handle', afterPhoto);
  await act(street, id, 'verify');
  await act(community, id, 'feedback', async (p) => p.getByTestId('event-note').fill('已加装围挡并每日清运'));
  await follow();
  await resident.locator('[data-test="outcome-resolved"]').click();
  await resident.locator('[data-test="star-5"]').click();
  await resident.locator('[data-test="send-confirm"]').click();
  await expect(resident.locator('[data-test="done"]')).toBeVisible();
  await resident.screenshot({ path: `${SCREENS}loop-resident-rated-390.png`, fullPage: true });
  ev = await detail(community);
  expect(ev.state).toBe('rated');

  // 7. The street's rates board moved: one more event, resolved and satisfied.
  const after = await rates();
  expect(after.events).toBe(before.events + 1);
  expect(after.resolution.num).toBe(before.resolution.num + 1);
  expect(after.satisfaction.num).toBe(before.satisfaction.num + 1);
  await street.goto('/#/event/rates');
  await street.screenshot({ path: `${SCREENS}loop-rates-1366.png`, fullPage: true });
  await rctx.close();
});

test('the queue on a phone and the supervision board, on screen and on A4', async ({ browser }) => {
  const phone = await staff(browser, COMMITTEE_A, true);
  await phone.goto('/#/event/queue');
  await expect(phone.getByTestId('event-cards')).toBeVisible();
  for (const tab of ['mine', 'due_soon', 'overdue']) {
    await phone.getByTestId(`event-tab-${tab}`).click();
    await expect(phone.getByTestId('event-cards')).toBeVisible();
    await phone.screenshot({ path: `${SCREENS}loop-queue-${tab}-390.png`, fullPage: false });
  }
  // nothing wider than the phone
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);

  const street = await staff(browser, STREET_ADMIN);
  await street.goto('/#/event/board');
  await expect(street.getByTestId('board-overdue')).toBeVisible();
  await expect(street.getByTestId('board-supervised')).toBeVisible();
  await street.screenshot({ path: `${SCREENS}loop-board-1366.png`, fullPage: true });
  const streetId = (await apiGet<{ items: { id: number }[] }>(street, '/orgs/roots')).items[0].id;
  await street.goto(`/#/print/supervision-board?org_id=${streetId}`);
  await expect(street.getByTestId('board-print-page')).toContainText('督办看板');
  await street.emulateMedia({ media: 'print' });
  await street.screenshot({ path: `${SCREENS}loop-board-print.png`, fullPage: true });
  await street.pdf({ path: `${SCREENS}loop-board-print.pdf`, format: 'A4', printBackground: true });
});
