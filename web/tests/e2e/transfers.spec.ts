// A transfer between two communities in the browser (issue 4, domain.md §5): the branch secretary of
// community A asks to transfer one of its members to community B; A's committee issues the letter (a
// validity beyond three months is refused with the rule quoted); B's committee sees only the minimal fields,
// accepts the member into one of its branches and records the receipt; the member then appears in B's
// registry and no longer in the branch's.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, COMMITTEE_A, COMMITTEE_B, login, pickOrg, SECRETARY } from './helpers';

test.describe.configure({ mode: 'serial' });

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

interface Org {
  id: number;
  name: string;
  child_count: number;
}
interface MemberRow {
  id: number;
  name: string;
  org_name: string;
}

let member: MemberRow;
let transferId = 0;
let communityB: Org;

async function signIn(browser: Browser, u: { username: string; password: string; display: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, u.username, u.password);
  await expect(page.getByTestId('home-hello')).toContainText(u.display);
  return page;
}

async function openTransfers(page: Page, tab: 'out' | 'in'): Promise<void> {
  await page.getByTestId('menu-member-transfers').click();
  await expect(page).toHaveURL(/#\/member\/transfers/);
  await page.getByTestId(`transfer-tab-${tab}`).click();
  await expect(page.getByTestId('transfer-table')).toBeVisible();
}

async function openRow(page: Page): Promise<void> {
  await page.getByTestId(`transfer-row-${transferId}`).click();
  await expect(page.getByTestId('transfer-drawer')).toBeVisible();
  await expect(page.getByTestId('transfer-name')).toHaveText(member.name);
}

test('a) the branch secretary asks to transfer a member to another community', async ({ browser }) => {
  const page = await signIn(browser, SECRETARY);
  // Not the first member (the foundation walk links that one to a user) and not a new one of the development walk.
  const members = await apiGet<{ items: MemberRow[] }>(page, '/members?limit=5');
  expect(members.items.length).toBeGreaterThan(2);
  member = members.items[2];
  const committeeB = await signIn(browser, COMMITTEE_B);
  communityB = (await apiGet<{ items: Org[] }>(committeeB, '/orgs/roots')).items[0];
  await committeeB.context().close();

  await openTransfers(page, 'out');
  await page.getByTestId('transfer-request').click();
  await page.getByTestId('request-member').click();
  await page.getByTestId('request-member').locator('input').fill(member.name);
  await page.locator('.el-select-dropdown__item:visible', { hasText: member.name }).first().click();
  await page.getByTestId('request-to-org').click();
  await page.getByTestId('request-to-org').locator('input').fill(communityB.name.slice(0, 4));
  await page.getByTestId(`request-dest-${communityB.id}`).click();
  await page.getByTestId('request-reason').fill('迁居至对方社区');
  await page.getByTestId('request-submit').click();
  await expect(page.getByTestId('transfer-drawer')).toBeVisible();
  await expect(page.getByTestId('transfer-state')).toHaveText('已申请，待开具介绍信');
  // The branch may only cancel; issuing the letter is the committee's step.
  await expect(page.getByTestId('transfer-action-issue')).toHaveCount(0);
  await expect(page.getByTestId('transfer-action-cancel')).toBeVisible();
  const out = await apiGet<{ items: { id: number; name: string }[] }>(page, '/transfers?direction=out&open=true');
  transferId = out.items.find((t) => t.name === member.name)!.id;
  await page.context().close();
});

test('b) community A issues the letter; a validity beyond three months is refused with the rule', async ({ browser }) => {
  const page = await signIn(browser, COMMITTEE_A);
  await openTransfers(page, 'out');
  await openRow(page);
  await page.getByTestId('transfer-action-issue').click();
  await page.getByTestId('transfer-serial').fill('海发〔2026〕12号');
  const days = page.getByTestId('transfer-valid-days').locator('input');
  await days.fill('120');
  await days.blur();
  await page.getByTestId('transfer-action-submit').click();
  await expect(page.getByTestId('transfer-action-form')).toContainText('应为 1–90 天');
  await days.fill('30');
  await days.blur();
  await page.getByTestId('transfer-action-submit').click();
  await expect(page.getByTestId('transfer-state')).toHaveText('介绍信已开具，待接收');
  await expect(page.getByTestId('transfer-reminder').first()).toContainText('介绍信有效期至');
  await page.screenshot({ path: `${SCREENS}transfer-issued.png`, animations: 'disabled' });
  await page.context().close();
});

test('c) community B sees the minimal fields, accepts into a branch and records the receipt', async ({ browser }) => {
  const page = await signIn(browser, COMMITTEE_B);
  await openTransfers(page, 'in');
  await expect(page.getByTestId(`transfer-state-${transferId}`)).toHaveText('介绍信已开具，待接收');
  await page.screenshot({ path: `${SCREENS}transfers.png`, animations: 'disabled' });
  await openRow(page);
  await expect(page.getByTestId('transfer-minimal')).toBeVisible();
  // Before acceptance the member is not in B's registry.
  const before = await apiGet<{ items: MemberRow[] }>(page, `/members?q=${encodeURIComponent(member.name)}&limit=50`);
  expect(before.items.some((m) => m.id === member.id)).toBe(false);

  const branches = await apiGet<{ items: Org[] }>(page, `/orgs/${communityB.id}/children`);
  const branch = branches.items[0];
  await page.getByTestId('transfer-action-accept').click();
  await pickOrg(page, 'transfer-place-org', [communityB.id, branch.id]);
  await page.getByTestId('transfer-action-submit').click();
  await expect(page.getByTestId('transfer-state')).toHaveText('已接收，待寄回回执');
  await expect(page.getByTestId('transfer-placed')).toHaveText(branch.name);
  await expect(page.getByTestId('transfer-reminder').first()).toContainText('1 个月内');
  await expect(page.getByTestId('transfer-minimal')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}transfer-accepted.png`, animations: 'disabled' });

  await page.getByTestId('transfer-action-receipt').click();
  await page.getByTestId('transfer-action-submit').click();
  await expect(page.getByTestId('transfer-state')).toHaveText('已办结');
  await expect(page.getByTestId('transfer-events')).toContainText('接收并编入支部');
  await expect(page.getByTestId('transfer-no-action')).toBeVisible();

  const after = await apiGet<{ items: (MemberRow & { org_id: number })[] }>(page, `/members?q=${encodeURIComponent(member.name)}&limit=50`);
  expect(after.items.find((m) => m.id === member.id)?.org_id).toBe(branch.id);
  // 党员名册 now holds the member, with both periods of affiliation.
  await page.keyboard.press('Escape');
  await page.getByTestId('menu-member-list').click();
  await page.getByTestId('member-q').fill(member.name);
  await page.getByTestId('member-search').click();
  await page.getByTestId(`member-view-${member.id}`).click();
  await expect(page.getByTestId('member-affiliation')).toHaveCount(2);
  await expect(page.getByTestId('member-affiliation').first()).toContainText(member.org_name);
  await expect(page.getByTestId('member-affiliation').last()).toContainText(branch.name);
  await page.context().close();
});

test('d) the sending branch sees the transfer closed and the member gone from its registry', async ({ browser }) => {
  const page = await signIn(browser, SECRETARY);
  await openTransfers(page, 'out');
  await page.getByTestId('transfer-open-only').click();
  await expect(page.getByTestId(`transfer-state-${transferId}`)).toHaveText('已办结');
  const mine = await apiGet<{ items: MemberRow[] }>(page, `/members?q=${encodeURIComponent(member.name)}&limit=50`);
  expect(mine.items.some((m) => m.id === member.id)).toBe(false);
  await page.context().close();
});
