// The development pipeline in the browser (issue 4): the branch secretary of the foundation walk registers
// an application in its branch and takes it, step by step, to a full member — with one step refused by the
// rule it breaks — and finds the new member in 党员名册. Dates follow domain.md §2.3's worked example.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, login, SECRETARY } from './helpers';

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

interface MemberRow {
  id: number;
  name: string;
  org_id: number;
  category: string;
  conversion_date: string | null;
}

// A synthetic ID number (region 99 does not exist) with its GB 11643 check character.
function syntheticId(yyyymmdd: string, seq: number): string {
  const first17 = `990000${yyyymmdd}${String(seq).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

async function signInAsSecretary(page: Page): Promise<void> {
  await login(page, SECRETARY.username, SECRETARY.password);
  await expect(page.getByTestId('home-hello')).toBeVisible();
}

/** The native input of an Element Plus field (the test id sits on the input or on its wrapper). */
async function inputOf(el: Locator): Promise<Locator> {
  return (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input').first();
}

async function setDate(page: Page, testid: string, date: string): Promise<void> {
  const input = await inputOf(page.getByTestId(testid));
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

async function setNumber(page: Page, testid: string, n: number): Promise<void> {
  const input = await inputOf(page.getByTestId(testid));
  await input.fill(String(n));
  await input.blur();
}

/** Every voting member present and in favour: the electorate shown for the meeting's date. */
async function voteAll(page: Page): Promise<void> {
  const text = (await page.getByTestId('step-electorate').textContent()) ?? '';
  const n = Number(/(\d+) 人/.exec(text)?.[1]);
  expect(n, text).toBeGreaterThan(0);
  await setNumber(page, 'vote-present', n);
  await setNumber(page, 'vote-yes', n);
}

async function pickPerson(page: Page, m: MemberRow): Promise<void> {
  await page.getByTestId('step-people').click();
  await page.keyboard.type(m.name);
  const opt = page.getByTestId(`step-person-${m.id}`);
  await expect(opt).toBeVisible();
  await opt.click();
  await page.keyboard.press('Escape');
}

/** Record one step from the drawer's form and wait until the timeline shows it. */
async function record(page: Page, kind: string, on: string, fill?: () => Promise<void>): Promise<void> {
  const steps = page.getByTestId('case-steps').locator('.el-timeline-item');
  const before = await steps.count();
  await page.getByTestId(`step-kind-${kind}`).click();
  const counted = kind.endsWith('_meeting')
    ? page.waitForResponse((r) => r.url().includes(`/electorate?as_of=${on}`))
    : null;
  await setDate(page, 'step-on', on);
  if (counted) await counted;
  if (fill) await fill();
  await page.getByTestId('step-submit').click();
  await expect(steps).toHaveCount(before + 1);
}

test('development: application → activist → target → probationary → full member, by the branch secretary', async ({ page }) => {
  await signInAsSecretary(page);

  const session = await apiGet<{ grants: { org_id: number }[] }>(page, '/auth/session');
  const branch = session.grants[0].org_id;
  const members = (await apiGet<{ items: MemberRow[] }>(page, `/members?org_id=${branch}&limit=200`)).items;
  const veterans = members.filter((m) => m.category === 'full' && m.conversion_date && m.conversion_date <= '2023-01-01');
  expect(veterans.length, 'two full members of the branch to sponsor').toBeGreaterThanOrEqual(2);

  await page.getByTestId('menu-member-development').click();
  await expect(page).toHaveURL(/#\/member\/development/);
  await expect(page.getByTestId('dev-board')).toContainText('入党申请人');

  // 登记入党申请
  await page.getByTestId('dev-apply').click();
  await page.getByTestId('apply-org').click();
  await page.locator(`.el-popper.lx-org-popper:visible [data-org-id="${branch}"]`).first().click();
  await page.getByTestId('apply-name').fill('林晓红');
  await page.getByTestId('apply-female').click();
  await page.getByTestId('apply-id').fill(syntheticId('19960315', 24));
  await page.getByTestId('apply-phone').fill('13900002222');
  await setDate(page, 'apply-date', '2023-01-05');
  await page.getByTestId('apply-submit').click();

  const drawer = page.getByTestId('case-drawer');
  await expect(page.getByTestId('case-name')).toHaveText('林晓红');
  await expect(page.getByTestId('case-stage')).toHaveText('入党申请人');
  await expect(page.getByTestId('case-reminder').first()).toContainText('一个月内派人谈话');
  await page.screenshot({ path: `${SCREENS}development-case.png`, fullPage: true });

  await record(page, 'talk', '2023-01-20');
  await record(page, 'activist', '2023-03-01', () => pickPerson(page, veterans[0]));
  await expect(page.getByTestId('case-stage')).toHaveText('入党积极分子');

  // 细则: one year of training before a development target — refused with the rule quoted, nothing recorded.
  await page.getByTestId('step-kind-target').click();
  await setDate(page, 'step-on', '2023-12-01');
  await page.getByTestId('step-submit').click();
  await expect(page.getByTestId('step-error')).toContainText('一年以上培养教育和考察');
  await expect(page.getByTestId('step-error')).toContainText('2024-03-01');

  await record(page, 'target', '2024-03-05');
  await record(page, 'political_review', '2024-04-01');
  await record(page, 'training', '2024-04-10');
  await record(page, 'pre_review', '2024-05-01');
  await record(page, 'admission_meeting', '2024-06-01', async () => {
    await pickPerson(page, veterans[0]);
    await pickPerson(page, veterans[1]);
    await voteAll(page);
  });
  await expect(page.getByTestId('case-join-date')).toHaveText('2024-06-01');
  await record(page, 'admission_approval', '2024-07-15');
  await expect(page.getByTestId('case-stage')).toHaveText('预备党员');
  await record(page, 'conversion_meeting', '2025-06-10', () => voteAll(page));
  await record(page, 'conversion_approval', '2025-07-01');
  await expect(page.getByTestId('case-stage')).toHaveText('正式党员');
  await expect(page.getByTestId('case-conversion-date')).toHaveText('2025-06-01');
  await expect(drawer).toContainText('发展程序已完成');
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 15_000 });  // let the toasts fade
  await page.getByTestId('case-name').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}development-done.png`, fullPage: true });
  await page.keyboard.press('Escape');
  await expect(page.locator('.el-drawer:visible')).toHaveCount(0);
  await expect(page.getByTestId('dev-col-full')).toContainText('林晓红');
  await page.screenshot({ path: `${SCREENS}development-board.png`, fullPage: true });

  // The registry has the new member, full, with party age counted from 2025-06-01.
  await page.getByTestId('menu-member-list').click();
  await page.getByTestId('member-q').fill('林晓红');
  await page.getByTestId('member-search').click();
  const row = page.getByTestId('member-table').locator('.el-table__row', { hasText: '林晓红' });
  await expect(row).toContainText('正式党员');
  await expect(row).toContainText('2024-06-01');
});

test('committee: the branch sees the sizing rule it breaks, and a post needs its filing number', async ({ page }) => {
  await signInAsSecretary(page);
  await page.getByTestId('menu-org-structure').click();
  const panel = page.getByTestId('committee');
  await expect(panel).toBeVisible();
  // Branch Regulation ch.6: 7 or more full members need a committee — the demo branch has none recorded.
  await expect(page.getByTestId('committee-warning').first()).toContainText('正式党员七人以上的党支部应设立支部委员会');

  const session = await apiGet<{ grants: { org_id: number }[] }>(page, '/auth/session');
  const members = (await apiGet<{ items: MemberRow[] }>(page, `/members?org_id=${session.grants[0].org_id}&limit=5`)).items;
  await page.getByTestId('committee-appoint').click();
  await page.getByTestId('appoint-member').click();
  await page.keyboard.type(members[0].name);
  await page.locator('.el-select-dropdown__item:visible', { hasText: members[0].name }).first().click();
  await page.locator('.el-dialog:visible').getByRole('button', { name: '提交' }).click();
  await expect(page.getByTestId('appoint-error')).toContainText('须报上级党组织');
  await page.locator('.el-dialog:visible input[placeholder*="批准文号"]').fill('嵩工委〔2026〕5号');
  await page.locator('.el-dialog:visible').getByRole('button', { name: '提交' }).click();
  await expect(page.getByTestId('committee-posts')).toContainText(members[0].name);
  await expect(page.locator('.el-dialog:visible')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}committee.png`, fullPage: true });
});

test('reveal: the full ID number and phone only with a reason, which the audit log keeps', async ({ page }) => {
  await signInAsSecretary(page);
  await page.getByTestId('menu-member-list').click();
  await expect(page.getByTestId('member-table').locator('.el-table__row').first()).toBeVisible();
  await page.screenshot({ path: `${SCREENS}members.png`, fullPage: true });
  await page.getByTestId('member-table').locator('.el-table__row').first().locator('.el-link').click();
  await expect(page.getByTestId('member-id-number')).toContainText('*');
  await page.getByTestId('member-reveal').click();
  const box = page.locator('.el-message-box:visible');
  await box.locator('input').fill('通知');
  await box.getByRole('button', { name: '确定' }).click();
  await expect(box).toContainText('4–100');  // too short: refused before anything is sent
  await box.locator('input').fill('通知参加本月主题党日');
  await box.getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('member-id-number')).toHaveText(/^99\d{15}[\dX]$/);
  await expect(page.getByTestId('member-phone')).toHaveText(/^\d{11}$/);
  await expect(page.getByTestId('member-drawer')).toContainText('本次查看及原因已记入审计日志');
});

test('registry: the secretary records a skill and lost contact; the six-month reminder shows, a stop waits for a search, and the skill finds the member', async ({ page }) => {
  await signInAsSecretary(page);
  const members = await apiGet<{ items: MemberRow[] }>(page, '/members?limit=5');
  const m = members.items[3];
  await page.getByTestId('menu-member-list').click();
  await page.getByTestId('member-q').fill(m.name);
  await page.getByTestId('member-search').click();
  await page.getByTestId(`member-view-${m.id}`).click();
  await expect(page.getByTestId('member-detail-name')).toHaveText(m.name);
  await page.getByTestId('member-edit').click();
  const skills = page.getByTestId('member-edit-skills');
  await skills.click();
  await skills.locator('input').pressSequentially('手语翻译');
  await page.locator('.el-select-dropdown__item:visible', { hasText: '手语翻译' }).first().click();
  await expect(skills).toContainText('手语翻译');
  await page.keyboard.press('Escape');
  await page.getByTestId('member-edit-tag-lost_contact').click();
  // Without the day contact was lost, the field is named.
  await page.getByTestId('member-edit-submit').click();
  await expect(page.getByTestId('member-edit-dialog')).toContainText('失去联系日期应为有效日期');
  await setDate(page, 'member-edit-lost-on', '2026-01-10');
  await page.getByTestId('member-edit-submit').click();
  await expect(page.getByTestId('member-edit-dialog')).toBeHidden();
  await expect(page.getByTestId('member-skills')).toHaveText(/手语翻译/);
  await expect(page.getByTestId('member-reminder')).toContainText('失去联系满六个月');
  await expect(page.getByTestId('member-reminder')).toContainText('系统不会自动处理');
  await page.screenshot({ path: `${SCREENS}member-edited.png`, animations: 'disabled' });
  // Six months without contact and no search yet: the search section reminds in red, quoting the policy's interval
  // (lost_contact.search_every_months; issue 16: messages take the figure as a parameter). The figure is the one in
  // force for the member's org today, read from the server: policies.spec.ts changes it for the street, and this
  // check holds whichever project runs first (issue 16 note 2, "Noticed and left alone").
  const policies = await apiGet<{ items: { key: string; value: number }[] }>(page, `/orgs/${m.org_id}/policies`);
  const interval = policies.items.find((i) => i.key === 'lost_contact.search_every_months')!.value;
  await expect(page.getByTestId('lost-contact-section')).toContainText('还没有寻找记录');
  await expect(page.getByTestId('lost-contact-reminder')).toContainText(`已失联满六个月，近 ${interval} 个月没有寻找记录`);
  await page.getByTestId('lost-contact-section').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}member-search-due.png`, animations: 'disabled' });
  // The branch's decision to stop party status needs its record, and a search first (seed 004, domain.md §2.5).
  await page.getByTestId('member-status').click();
  await page.getByTestId('status-submit').click();
  await expect(page.getByTestId('status-dialog')).toContainText('文号应为 2–50 个字符');
  await page.getByTestId('status-doc').fill('支委会〔2026〕5号');
  await page.getByTestId('status-submit').click();
  await expect(page.getByTestId('status-error')).toContainText('应先组织寻找，寻找无果再作处理');
  await page.getByTestId('status-dialog').getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('status-dialog')).toBeHidden();
  // 添加寻找记录: the method, who, what came of it; without a result the field is named before sending.
  await page.getByTestId('lost-contact-add').click();
  await page.getByTestId('lost-contact-method-visit').click();
  await page.getByTestId('lost-contact-by').fill('支部书记李某');
  await page.getByTestId('lost-contact-submit').click();
  await expect(page.getByTestId('lost-contact-dialog')).toContainText('寻找情况应为 1–500 个字');
  await expect(page.getByTestId('lost-contact-dialog')).toContainText('失联标记和失去联系日期将被取消');
  await page.screenshot({ path: `${SCREENS}member-search-dialog.png`, animations: 'disabled' });
  await page.getByTestId('lost-contact-result').fill('上门走访原住址，邻居称已搬离一年多，未留联系方式');
  await page.getByTestId('lost-contact-submit').click();
  await expect(page.getByTestId('lost-contact-dialog')).toBeHidden();
  await expect(page.getByTestId('lost-contact-entry')).toHaveCount(1);
  await expect(page.getByTestId('lost-contact-entry')).toContainText('上门走访');
  await expect(page.getByTestId('lost-contact-entry')).toContainText('支部书记李某');
  await expect(page.getByTestId('lost-contact-reminder')).toHaveCount(0);
  await page.getByTestId('lost-contact-section').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}member-search.png`, animations: 'disabled' });
  // The search failed: now the decision goes through.
  await page.getByTestId('member-status').click();
  await page.getByTestId('status-doc').fill('支委会〔2026〕5号');
  await page.getByTestId('status-submit').click();
  await expect(page.getByTestId('status-dialog')).toBeHidden();
  await expect(page.getByTestId('member-status-change')).toContainText('停止党籍');
  await expect(page.getByTestId('member-status-change')).toContainText('支委会〔2026〕5号');
  // The skill filter finds the member.
  const found = await apiGet<{ items: MemberRow[] }>(page, `/members?skill=${encodeURIComponent('手语翻译')}&limit=50`);
  expect(found.items.some((x) => x.id === m.id)).toBe(true);
});
