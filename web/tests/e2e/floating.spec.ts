// The floating-member register in the browser (issue 4, domain.md §5.3, 一方隶属、双重管理): the branch secretary
// of community A registers a member as floating, taking part in a branch of community B; B's committee sees the
// member under 流入党员 with the minimal fields only and records participation in organizational life; the
// secretary sees that note in the member drawer and registers the return, which clears the 流动党员 tag.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, COMMITTEE_B, login, SECRETARY } from './helpers';

test.describe.configure({ mode: 'serial' });

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

interface Org {
  id: number;
  name: string;
}
interface MemberRow {
  id: number;
  name: string;
}

let member: MemberRow;
let branchB: Org;

async function signIn(browser: Browser, u: { username: string; password: string; display: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, u.username, u.password);
  await expect(page.getByTestId('home-hello')).toContainText(u.display);
  return page;
}

async function openMember(page: Page): Promise<void> {
  await page.getByTestId('menu-member-list').click();
  await page.getByTestId('member-q').fill(member.name);
  await page.getByTestId('member-search').click();
  await page.getByTestId(`member-view-${member.id}`).click();
  await expect(page.getByTestId('member-detail-name')).toHaveText(member.name);
  await expect(page.getByTestId('floating-section')).toBeVisible();
}

test('a) the branch secretary registers a member as floating to a branch of another community', async ({ browser }) => {
  const committeeB = await signIn(browser, COMMITTEE_B);
  const communityB = (await apiGet<{ items: Org[] }>(committeeB, '/orgs/roots')).items[0];
  branchB = (await apiGet<{ items: Org[] }>(committeeB, `/orgs/${communityB.id}/children`)).items[0];
  await committeeB.context().close();

  const page = await signIn(browser, SECRETARY);
  const members = await apiGet<{ items: MemberRow[] }>(page, '/members?limit=6');
  member = members.items[Math.min(4, members.items.length - 1)];
  await openMember(page);
  await page.getByTestId('floating-register').click();
  await expect(page.getByTestId('floating-dialog')).toBeVisible();
  // The destination goes to county level: without the county the field is named.
  await page.getByTestId('floating-province').fill('广东省');
  await page.getByTestId('floating-city').fill('深圳市');
  await page.getByTestId('floating-submit').click();
  await expect(page.getByTestId('floating-dialog')).toContainText('外出流向（县/区）');
  await page.getByTestId('floating-county').fill('南山区');
  await page.getByTestId('floating-employer').fill('南山区某电子厂');
  await page.getByTestId('floating-phone').fill('13900001111');
  await page.getByTestId('floating-org').click();
  await page.getByTestId('floating-org').locator('input').fill(branchB.name.slice(0, 4));
  await page.getByTestId(`floating-dest-${branchB.id}`).click();
  await page.getByTestId('floating-submit').click();
  await expect(page.getByTestId('floating-dialog')).toBeHidden();
  await expect(page.getByTestId('floating-destination')).toHaveText('广东省 深圳市 南山区');
  await expect(page.getByTestId('floating-participating')).toHaveText(branchB.name);
  await expect(page.getByTestId('floating-reminder').first()).toContainText('至少每 12 个月');
  // The registry tag follows the record.
  await expect(page.getByTestId('member-drawer')).toContainText('流动党员');
  await page.context().close();
});

test('b) community B sees the member under 流入党员 with the minimal fields and records participation', async ({ browser }) => {
  const page = await signIn(browser, COMMITTEE_B);
  await page.getByTestId('menu-member-floating').click();
  await expect(page).toHaveURL(/#\/member\/floating/);
  await page.getByTestId('floating-tab-in').click();
  const table = page.getByTestId('floating-in-table');
  await expect(table).toContainText(member.name);
  await expect(table).toContainText(branchB.name);
  await expect(table).not.toContainText('1111');  // no phone on the inflow side
  await page.screenshot({ path: `${SCREENS}floating-in.png`, animations: 'disabled' });
  const rows = await apiGet<{ items: { id: number; name: string }[] }>(page,
    `/orgs/${(await apiGet<{ items: Org[] }>(page, '/orgs/roots')).items[0].id}/floating-in`);
  const id = rows.items.find((r) => r.name === member.name)!.id;
  await page.getByTestId(`floating-participate-${id}`).click();
  await expect(page.getByTestId('floating-note-dialog')).toBeVisible();
  await page.getByTestId('floating-note-kind-participation').click();
  await page.getByTestId('floating-note-text').fill('参加本支部主题党日活动');
  await page.getByTestId('floating-note-submit').click();
  await expect(page.getByTestId('floating-note-dialog')).toBeHidden();
  await page.context().close();
});

test('c) the secretary sees the participation note and registers the return', async ({ browser }) => {
  const page = await signIn(browser, SECRETARY);
  await openMember(page);
  await expect(page.getByTestId('floating-notes')).toContainText('参加本支部主题党日活动');
  await expect(page.getByTestId('floating-notes')).toContainText('流入地');
  await page.getByTestId('floating-section').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}floating-drawer.png`, animations: 'disabled' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('member-drawer')).toBeHidden();
  await page.getByTestId('menu-member-floating').click();
  await expect(page.getByTestId('floating-table')).toContainText(member.name);
  await page.screenshot({ path: `${SCREENS}floating-out.png`, animations: 'disabled' });
  await openMember(page);
  await page.getByTestId('floating-return').click();
  await page.getByTestId('floating-return-note').fill('已交回流动党员活动证');
  await page.getByTestId('floating-return-submit').click();
  await expect(page.getByTestId('floating-register')).toBeVisible();
  await expect(page.getByTestId('floating-past')).toContainText('广东省 深圳市 南山区');
  await page.context().close();
});
