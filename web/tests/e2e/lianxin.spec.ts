// End-to-end walk through the foundation of lianxin, in order, against a fresh server with the demo data:
//   a) first set-up of the system administrator, sign-in, TOTP enrolment
//   b) the org structure shows 嵩屿街道 and its communities with member counts
//   c) an admin creates a branch secretary; the secretary sets a password and sees 党员 and 我的, not 用户与角色
//   d) a display name full of markup renders as text, runs nothing, and trips no CSP report
//   e) the English UI
//   f) the audit administrator enrols, reads the log and verifies the chain (完整)
//   g) a member sees who viewed the record (phone layout)
//   h) after sign-out the browser keeps only lx.* preferences
//
// Env: LIANXIN_URL (base URL, see playwright.config.ts) and LIANXIN_SETUP_LINK (full first-admin link).
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, apiSend, COMMITTEE_A, COMMITTEE_B, expandTreePath, login, pickOrg, SECRETARY, STREET_ADMIN, UNIT_LIAISON } from './helpers';
import { freshTotp } from './totp';

test.describe.configure({ mode: 'serial' });

const SETUP_LINK = process.env.LIANXIN_SETUP_LINK ?? '';
const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

const ADMIN = { username: 'admin', display: '系统管理员', password: 'Songyu-harbour-sunrise-2026!' };
const AUDITOR = { username: 'auditor1', display: '测试审计员', password: 'Chain-of-hashes-holds-tight-42' };
const MEMBER = { username: 'member1', display: '测试党员', password: 'Who-looked-at-my-record-2026' };
const XSS_NAME = '<img src=x onerror="window.__xss=1">';
const XSS_USER = 'xss1';

interface Org {
  id: number;
  name: string;
  org_type: string;
  child_count: number;
  member_count: number;
}

interface Watched {
  pageErrors: string[];
  cspMessages: string[];
}

// shared across the serial tests
let adminCtx: BrowserContext;
let admin: Page;
let adminWatch: Watched;
let streetPath: number[] = []; // ids from a root down to 嵩屿街道
let branchPath: number[] = []; // ids from a root down to a 党支部 under it
let secretaryLink = '';
let memberId: number | null = null;
let memberLink = '';  // the one-time link of the member's account, opened by the secretary from the record

/** Records page errors and CSP reports. The CSP listener is added before any page script runs. */
async function watch(page: Page): Promise<Watched> {
  const w: Watched = { pageErrors: [], cspMessages: [] };
  page.on('pageerror', (e) => w.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) {
      w.cspMessages.push(m.text());
    }
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return w;
}

async function expectClean(page: Page, w: Watched): Promise<void> {
  const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  expect(csp, 'CSP violations').toEqual([]);
  expect(w.cspMessages, 'CSP console errors').toEqual([]);
  expect(w.pageErrors, 'uncaught page errors').toEqual([]);
}

async function newPage(browser: Browser, viewport = { width: 1280, height: 900 }) {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  const w = await watch(page);
  return { ctx, page, w };
}

/** Pass the second factor; returns the secret (read from the page when enrolling). */
async function passTotp(page: Page, secret?: string): Promise<string> {
  await expect(page).toHaveURL(/#\/totp/);
  let s = secret ?? '';
  if (!s) {
    const el = page.getByTestId('totp-secret');
    await expect(el).toBeVisible();
    await expect(page.getByTestId('totp-qr')).toBeVisible();
    s = ((await el.textContent()) ?? '').trim();
    expect(s).toMatch(/^[A-Z2-7=\s]+$/i);
  }
  await page.getByTestId('totp-code').fill(await freshTotp(s));
  await page.getByTestId('totp-submit').click();
  await expect(page).not.toHaveURL(/#\/totp/);
  return s;
}

/** Open a set-up link in a fresh browser and set the password (purpose user_password). */
async function setPasswordViaLink(browser: Browser, link: string, password: string): Promise<void> {
  const { ctx, page, w } = await newPage(browser);
  await page.goto(link);
  await expect(page.getByTestId('setup-password')).toBeVisible();
  await expect(page.getByTestId('setup-username')).toHaveCount(0);
  await expect(page.getByTestId('password-rule')).toContainText('12–128');
  await page.getByTestId('setup-password').fill(password);
  await page.getByTestId('setup-password2').fill(password);
  await page.getByTestId('setup-submit').click();
  await expect(page).toHaveURL(/#\/login/);
  await expectClean(page, w);
  await ctx.close();
}

/** Breadth-first search of the actor's org tree for the first org matching `pred`; returns its id path. */
async function findOrgPath(page: Page, pred: (o: Org) => boolean, under?: number[]): Promise<number[]> {
  type Item = { org: Org; path: number[] };
  let queue: Item[];
  if (under?.length) {
    const top = await apiGet<Org>(page, `/orgs/${under[under.length - 1]}`);
    queue = [{ org: top, path: under }];
  } else {
    const roots = await apiGet<{ items: Org[] }>(page, '/orgs/roots');
    queue = roots.items.map((o) => ({ org: o, path: [o.id] }));
  }
  for (let visited = 0; queue.length && visited < 400; visited++) {
    const { org, path } = queue.shift()!;
    if (pred(org)) return path;
    if (org.child_count > 0) {
      const kids = await apiGet<{ items: Org[] }>(page, `/orgs/${org.id}/children`);
      queue.push(...kids.items.map((k) => ({ org: k, path: [...path, k.id] })));
    }
  }
  return [];
}


async function pickOption(page: Page, selectTestid: string, optionTestid: string): Promise<void> {
  await page.getByTestId(selectTestid).click();
  const opt = page.getByTestId(optionTestid);
  await expect(opt).toBeVisible();
  await opt.click();
}

/** Create a user from the users page; returns the full set-up link shown. */
async function createUser(
  page: Page,
  u: { username: string; display: string; role: string; orgPath: number[] },
): Promise<string> {
  await page.getByTestId('users-create').click();
  const dlg = page.getByTestId('create-user-dialog');
  await expect(page.getByTestId('user-username')).toBeVisible();
  await page.getByTestId('user-username').fill(u.username);
  await page.getByTestId('user-display-name').fill(u.display);
  await pickOption(page, 'user-role', `role-option-${u.role}`);
  await pickOrg(page, 'user-org', u.orgPath);
  await page.getByTestId('user-create-submit').click();
  const link = page.getByTestId('setup-link');
  await expect(link).toBeVisible();
  await expect(dlg).toBeHidden();
  const value = await link.inputValue();
  const origin = new URL(page.url()).origin;
  expect(value.startsWith(`${origin}/`)).toBe(true);
  expect(value).toMatch(/#\/setup\?token=[^&\s]+/);
  await expect(page.getByTestId('setup-link-note')).toContainText('请通过安全渠道交给本人，24 小时内有效，只能使用一次');
  await page.getByTestId('setup-link-close').click();
  await expect(link).toBeHidden();
  return value;
}

async function openUsers(page: Page): Promise<void> {
  await page.getByTestId('menu-users').click();
  await expect(page).toHaveURL(/#\/system\/users/);
  await expect(page.getByTestId('users-table')).toBeVisible();
}

test.describe('lianxin foundation', () => {
  test.beforeAll(async ({ browser }) => {
    expect(SETUP_LINK, 'LIANXIN_SETUP_LINK must be set').toMatch(/#\/setup\?token=/);
    ({ ctx: adminCtx, page: admin, w: adminWatch } = await newPage(browser));
  });

  test.afterAll(async () => {
    await adminCtx?.close();
  });

  test('a) first set-up, sign-in and TOTP enrolment of the system administrator', async () => {
    await admin.goto(SETUP_LINK);
    await expect(admin.getByTestId('setup-username')).toBeVisible();
    await expect(admin.getByTestId('password-rule')).toContainText('12–128');
    await admin.getByTestId('setup-username').fill(ADMIN.username);
    await admin.getByTestId('setup-display-name').fill(ADMIN.display);
    // a mismatch is caught before anything is sent
    await admin.getByTestId('setup-password').fill(ADMIN.password);
    await admin.getByTestId('setup-password2').fill(`${ADMIN.password}x`);
    await admin.getByTestId('setup-submit').click();
    await expect(admin.getByText('两次输入的密码不一致')).toBeVisible();
    await admin.getByTestId('setup-password2').fill(ADMIN.password);
    await admin.getByTestId('setup-submit').click();
    await expect(admin).toHaveURL(/#\/login/);
    await expect(admin.getByTestId('login-submit')).toBeVisible();
    await admin.screenshot({ path: `${SCREENS}login.png` });

    // the link is spent
    const again = await newPage(admin.context().browser()!);
    await again.page.goto(SETUP_LINK);
    await expect(again.page.getByTestId('setup-invalid')).toBeVisible();
    await again.ctx.close();

    // a wrong password gets a clear Chinese error
    await login(admin, ADMIN.username, 'not-the-password-at-all');
    await expect(admin.getByTestId('login-error')).toContainText('用户名或密码不正确');

    await login(admin, ADMIN.username, ADMIN.password);
    const secret = await passTotp(admin);
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await expect(admin.getByTestId('home-hello')).toContainText(ADMIN.display);
    await expect(admin.getByTestId('user-menu')).toContainText(ADMIN.display);
    await expectClean(admin, adminWatch);
  });

  test('b) the structure shows 嵩屿街道 and its communities with member counts', async () => {
    await admin.getByTestId('menu-org-structure').click();
    await expect(admin).toHaveURL(/#\/org\/structure/);
    const tree = admin.getByTestId('org-tree');
    await expect(tree).toContainText('嵩屿街道');

    streetPath = await findOrgPath(admin, (o) => o.name.includes('嵩屿街道'));
    expect(streetPath.length, 'an org named 嵩屿街道… in scope').toBeGreaterThan(0);
    await expandTreePath(admin, streetPath);
    const streetId = streetPath[streetPath.length - 1];
    const street = await apiGet<Org>(admin, `/orgs/${streetId}`);
    const communities = (await apiGet<{ items: Org[] }>(admin, `/orgs/${streetId}/children`)).items;
    expect(communities.length).toBeGreaterThan(0);

    const streetNode = tree.locator(`[data-org-id="${streetId}"]`);
    await expect(streetNode).toContainText(street.name);
    await expect(streetNode).toContainText(`党员 ${street.member_count} 名`);
    await expect(streetNode).toContainText(`下级组织 ${street.child_count} 个`);
    for (const c of communities) {
      const node = tree.locator(`[data-org-id="${c.id}"]`);
      await expect(node).toContainText(c.name);
      await expect(node).toContainText(`党员 ${c.member_count} 名`);
    }
    expect(communities.some((c) => c.member_count > 0)).toBe(true);

    // the detail panel
    await streetNode.locator('.lx-node-name').click();
    await expect(admin.getByTestId('org-detail-name')).toHaveText(street.name);
    await expect(admin.getByTestId('org-detail')).toContainText(`${street.member_count} 名`);
    await admin.screenshot({ path: `${SCREENS}structure.png` });

    branchPath = await findOrgPath(admin, (o) => o.org_type === 'branch', streetPath);
    if (!branchPath.length) branchPath = await findOrgPath(admin, (o) => /^(joint|temporary)_branch$/.test(o.org_type), streetPath);
    expect(branchPath.length, 'a 党支部 under 嵩屿街道').toBeGreaterThan(streetPath.length);
    await expectClean(admin, adminWatch);
  });

  test('c) a branch secretary is created, sets a password, and sees 党员 and 我的 but not 用户与角色', async ({ browser }) => {
    await openUsers(admin);
    secretaryLink = await createUser(admin, {
      username: SECRETARY.username,
      display: SECRETARY.display,
      role: 'branch_secretary',
      orgPath: branchPath,
    });
    const row = admin.getByTestId('users-table').locator('.el-table__row', { hasText: SECRETARY.username });
    await expect(row).toBeVisible();
    await expect(row).toContainText(SECRETARY.display);
    await admin.screenshot({ path: `${SCREENS}users.png` });

    await setPasswordViaLink(browser, secretaryLink, SECRETARY.password);

    // the link works once
    const spent = await newPage(browser);
    await spent.page.goto(secretaryLink);
    await expect(spent.page.getByTestId('setup-invalid')).toBeVisible();
    await spent.ctx.close();

    const { ctx, page, w } = await newPage(browser);
    await login(page, SECRETARY.username, SECRETARY.password);
    await expect(page.getByTestId('home-hello')).toContainText(SECRETARY.display);
    await expect(page.getByTestId('menu-member-list')).toBeVisible();
    await expect(page.getByTestId('menu-me')).toBeVisible();
    await expect(page.getByTestId('menu-users')).toHaveCount(0);
    await expect(page.getByTestId('menu-audit')).toHaveCount(0);
    await expect(page.getByTestId('menu-security')).toHaveCount(0);
    await expect(page.getByTestId('side-menu')).not.toContainText('用户与角色');
    // the menu follows the permissions the server says the secretary holds (issue 16): the members' pages, never
    // users, security, audit, nor the org import (org_write)
    const { permissions } = await apiGet<{ permissions: string[] }>(page, '/auth/session');
    expect(permissions).toEqual(expect.arrayContaining(['member_read', 'member_write']));
    expect(permissions.filter((p) => ['org_write', 'user_read', 'user_unlock', 'audit_read'].includes(p))).toEqual([]);
    await expect(page.getByTestId('menu-member-import')).toHaveCount(1);
    await expect(page.getByTestId('menu-org-import')).toHaveCount(0);

    // the users page is not for a secretary
    await page.goto('/#/system/users');
    await expect(page.getByTestId('status-forbidden')).toBeVisible();

    // the secretary's members: open one (the view is audited and shown to that member later)
    await page.getByTestId('menu-member-list').click();
    await expect(page.getByTestId('member-table')).toBeVisible();
    const members = await apiGet<{ items: { id: number; name: string }[] }>(page, '/members?limit=5');
    if (members.items.length) {
      memberId = members.items[0].id;
      await page.getByTestId(`member-view-${memberId}`).click();
      await expect(page.getByTestId('member-detail-name')).toHaveText(members.items[0].name);
      const idText = (await page.getByTestId('member-id-number').textContent()) ?? '';
      expect(idText === '—' || idText.includes('*'), 'ID number is masked').toBe(true);
      const phone = (await page.getByTestId('member-phone').textContent()) ?? '';
      expect(phone === '—' || phone.includes('*'), 'phone is masked').toBe(true);
      // 开通账号 from the record (issue 15 defect 2: the member's org links the account, never a system admin)
      await expect(page.getByTestId('account-none')).toBeVisible();
      await page.getByTestId('account-open').click();
      await page.getByTestId('account-username-input').fill(MEMBER.username);
      await page.getByTestId('account-submit').click();
      await expect(page.getByTestId('setup-link')).toBeVisible();
      memberLink = await page.getByTestId('setup-link').inputValue();
      expect(memberLink).toMatch(/#\/setup\?token=[^&\s]+/);
      await page.getByTestId('setup-link-close').click();
      await expect(page.getByTestId('account-opened')).toContainText(MEMBER.username);
    }
    await expectClean(page, w);
    await ctx.close();
  });

  test('c2) the administrators of two community committees and of the street are created (transfer and policy walks)', async ({ browser }) => {
    const communityA = branchPath[streetPath.length];
    const communities = await apiGet<{ items: Org[] }>(admin, `/orgs/${streetPath[streetPath.length - 1]}/children`);
    const other = communities.items.find((o) => o.id !== communityA && o.child_count > 0);
    expect(other, 'a second community with branches under 嵩屿街道').toBeTruthy();
    await openUsers(admin);
    for (const [u, orgPath] of [[COMMITTEE_A, [...streetPath, communityA]], [COMMITTEE_B, [...streetPath, other!.id]],
      [STREET_ADMIN, [...streetPath]]] as const) {
      const link = await createUser(admin, { username: u.username, display: u.display, role: 'org_admin', orgPath: [...orgPath] });
      await setPasswordViaLink(browser, link, u.password);
    }
    // The liaison of a property company of 甲社区's 大党委 (the loop walk): a narrowed grant on the host naming the unit.
    const hosted = await apiGet<{ items: { id: number; host_org: { id: number } }[] }>(admin, `/overlays?org_id=${communityA}`);
    const overlay = hosted.items.find((o) => o.host_org.id === communityA);
    expect(overlay, '甲社区 hosts its 大党委 (demo data)').toBeTruthy();
    const units = (await apiGet<{ units: { id: number; unit_type: string; left_on: string | null }[] }>(admin, `/overlays/${overlay!.id}`)).units;
    const unit = units.find((x) => x.unit_type === 'property_company' && !x.left_on)!;
    const made = await apiSend<{ setup_link: string }>(admin, 'POST', '/users', { username: UNIT_LIAISON.username,
      display_name: UNIT_LIAISON.display, role: 'unit_liaison', org_id: communityA, overlay_unit_id: unit.id });
    await setPasswordViaLink(browser, made.setup_link, UNIT_LIAISON.password);
    await expectClean(admin, adminWatch);
  });

  test('d) markup in a display name renders as text and runs nothing', async () => {
    await openUsers(admin);
    await createUser(admin, { username: XSS_USER, display: XSS_NAME, role: 'branch_secretary', orgPath: branchPath });

    await admin.reload();
    await expect(admin.getByTestId('users-table')).toBeVisible();
    await admin.getByTestId('users-q').fill(XSS_USER);
    await admin.getByTestId('users-search').click();
    const name = admin.getByTestId('user-row-name').filter({ hasText: 'onerror' });
    await expect(name).toHaveCount(1);
    expect(await name.textContent()).toBe(XSS_NAME);
    await expect(admin.locator('img[src="x"]')).toHaveCount(0);

    // the grants dialog shows the name in its title too
    const row = admin.getByTestId('users-table').locator('.el-table__row', { hasText: XSS_USER });
    await row.getByRole('button', { name: '角色' }).click();
    await expect(admin.getByTestId('grants-dialog')).toContainText(XSS_NAME);
    await expect(admin.locator('img[src="x"]')).toHaveCount(0);
    await admin.keyboard.press('Escape');

    await admin.waitForTimeout(300);
    expect(await admin.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await expectClean(admin, adminWatch);

    // a fresh page of the same session that loads the list from scratch behaves the same
    const fresh = await adminCtx.newPage();
    const w = await watch(fresh);
    await fresh.goto('/#/system/users');
    await expect(fresh.getByTestId('users-table')).toContainText(XSS_USER);
    expect(await fresh.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await expectClean(fresh, w);
    await fresh.close();
  });

  test('e) switching to English shows English menu labels', async () => {
    await admin.goto('/#/');
    await admin.getByTestId('locale-switch').click();
    await admin.getByTestId('locale-en').click();
    await expect(admin.getByTestId('menu-users')).toHaveText('Users & roles');
    await expect(admin.getByTestId('menu-org')).toContainText('Organization');
    await expect(admin.getByTestId('menu-home')).toContainText('Home');
    expect(await admin.evaluate(() => localStorage.getItem('lx.locale'))).toBe('en');
    expect(await admin.evaluate(() => document.documentElement.lang)).toBe('en');

    await admin.getByTestId('locale-switch').click();
    await admin.getByTestId('locale-zh-CN').click();
    await expect(admin.getByTestId('menu-users')).toHaveText('用户与角色');
    await expectClean(admin, adminWatch);
  });

  test('f) the audit administrator enrols TOTP, reads the log and verifies the chain', async ({ browser }) => {
    await openUsers(admin);
    const link = await createUser(admin, {
      username: AUDITOR.username,
      display: AUDITOR.display,
      role: 'audit_admin',
      orgPath: streetPath,
    });
    await setPasswordViaLink(browser, link, AUDITOR.password);

    const { ctx, page, w } = await newPage(browser);
    await login(page, AUDITOR.username, AUDITOR.password);
    await passTotp(page);
    await expect(page.getByTestId('menu-audit')).toBeVisible();
    await expect(page.getByTestId('menu-users')).toHaveCount(0);
    await page.getByTestId('menu-audit').click();
    await expect(page).toHaveURL(/#\/system\/audit/);
    const rows = page.getByTestId('audit-table').locator('.el-table__row');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(0);
    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-verify-result')).toContainText('完整');
    await page.screenshot({ path: `${SCREENS}audit.png` });
    await expectClean(page, w);
    await ctx.close();
  });

  test('g) a member sees their record and who viewed it, on a phone too', async ({ browser }) => {
    let who = SECRETARY;
    if (memberLink) {
      await setPasswordViaLink(browser, memberLink, MEMBER.password);
      who = MEMBER;
    }
    const { ctx, page, w } = await newPage(browser);
    await login(page, who.username, who.password);
    await page.getByTestId('menu-me').click();
    await expect(page).toHaveURL(/#\/me/);
    await expect(page.getByTestId('me-views')).toBeVisible();
    if (memberLink) {
      await expect(page.getByTestId('me-name')).toBeVisible();
      await expect(page.getByTestId('me-party-age')).not.toBeEmpty();
      // secretary1 opened this record in test c
      await expect(page.getByTestId('me-view-item').first()).toBeVisible();
      await expect(page.getByTestId('me-views')).toContainText(SECRETARY.display);
    } else {
      await expect(page.getByTestId('me-no-member')).toBeVisible();
    }
    await page.screenshot({ path: `${SCREENS}me.png` });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId('me-views')).toBeVisible();
    await expect(page.getByTestId('menu-toggle')).toBeVisible();
    // nothing wider than the phone
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `${SCREENS}me-phone.png`, fullPage: true });
    // the menu opens as a drawer
    await page.getByTestId('menu-toggle').click();
    await expect(page.getByTestId('menu-me')).toBeVisible();
    await expectClean(page, w);
    await ctx.close();
  });

  test('h) after sign-out the browser keeps only lx.* preferences', async () => {
    await admin.goto('/#/');
    await admin.getByTestId('elder-toggle').click(); // 适老化 on …
    await expect(admin.locator('html.lx-elder')).toHaveCount(1);
    await admin.getByTestId('elder-toggle').click(); // … and off again

    const before = await admin.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(before).not.toMatch(/\d{17}[\dXx]/); // ID numbers
    expect(before).not.toMatch(/1[3-9]\d{9}/); // mobile numbers
    expect(before).not.toContain(ADMIN.username);
    expect(before).not.toContain('csrf');

    await admin.getByTestId('user-menu').click();
    await admin.getByTestId('logout').click();
    await expect(admin).toHaveURL(/#\/login/);
    const keys = await admin.evaluate(() => Object.keys(localStorage));
    expect(keys.filter((k) => !k.startsWith('lx.'))).toEqual([]);
    expect(await admin.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
    const dbs = await admin.evaluate(async () => ('databases' in indexedDB ? (await indexedDB.databases()).length : 0));
    expect(dbs).toBe(0);

    // the session is gone on the server too
    const status = await admin.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
    expect(status).toBe(401);
    await expectClean(admin, adminWatch);
  });
});
