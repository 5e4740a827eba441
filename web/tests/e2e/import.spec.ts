// 批量导入 in the browser (docs/api.md "Import and export"): the branch secretary of the foundation walk
// uploads a CSV the way offices keep them (a title row above the header, a 序号 column), sees the row with a
// broken ID number refused by name, uploads the corrected file, imports three members, finds them in
// 党员名册, then undoes the import from 导入记录 and finds them gone.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, login, pickOrg, SECRETARY } from './helpers';

test.describe.configure({ mode: 'serial' });

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

const FILE_NAME = '党员名单.csv';
const PREFIX = '验导';

/** A Chinese ID number (GB 11643): region 99 does not exist, so it names nobody; the 18th character is the
 *  ISO 7064 MOD 11-2 check character. */
function idNumber(birth: string, seq: number): string {
  const first17 = `990000${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The same number with a wrong check character. */
function broken(id: string): string {
  const chars = '0123456789X';
  return id.slice(0, 17) + chars[(chars.indexOf(id[17]) + 1) % chars.length];
}

const plusYear = (date: string, n: number) => `${Number(date.slice(0, 4)) + n}${date.slice(4)}`;

interface Person {
  name: string;
  birth: string;
  id: string;
  phone: string;
  join: string;
  skills: string;
}

// Adults, each joining the party after the 18th birthday; full membership a year after joining.
const PEOPLE: Person[] = [
  { name: `${PREFIX}甲`, birth: '1980-05-12', seq: 701, phone: '13800007001', join: '2003-07-01', skills: '电工' },
  { name: `${PREFIX}乙`, birth: '1975-09-30', seq: 702, phone: '13800007002', join: '1998-06-20', skills: '医生' },
  { name: `${PREFIX}丙`, birth: '1990-01-15', seq: 703, phone: '13800007003', join: '2012-11-08', skills: '法律咨询' },
].map(({ seq, ...p }) => ({ ...p, id: idNumber(p.birth, seq) }));

function csv(people: Person[], brokenIndex = -1): Buffer {
  const lines = [
    'XX社区党员名册',
    '序号,姓名,公民身份号码,联系电话,入党日期,转正日期,特长',
    ...people.map((p, i) =>
      [i + 1, p.name, i === brokenIndex ? broken(p.id) : p.id, p.phone, p.join, plusYear(p.join, 1), p.skills].join(','),
    ),
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

async function signIn(page: Page): Promise<void> {
  await login(page, SECRETARY.username, SECRETARY.password);
  await expect(page.getByTestId('home-hello')).toContainText(SECRETARY.display);
}

async function openImport(page: Page): Promise<void> {
  await page.getByTestId('menu-member-import').click();
  await expect(page).toHaveURL(/#\/member\/import/);
  await expect(page.getByTestId('import-history')).toBeVisible();
}

async function upload(page: Page, body: Buffer): Promise<void> {
  const previewed = page.waitForResponse((r) => r.url().includes('/api/v1/imports/preview') && r.request().method() === 'POST');
  await page.getByTestId('import-file').setInputFiles({ name: FILE_NAME, mimeType: 'text/csv', buffer: body });
  expect((await previewed).status()).toBe(200);
  await expect(page.getByTestId('import-preview')).toBeVisible();
}

/** 党员名册 searched by the prefix the three names share. */
async function searchRegistry(page: Page) {
  await page.getByTestId('menu-member-list').click();
  await page.getByTestId('member-q').fill(PREFIX);
  const listed = page.waitForResponse((r) => r.url().includes('/api/v1/members?') && r.url().includes('q='));
  await page.getByTestId('member-search').click();
  await listed;
  return page.getByTestId('member-table');
}

test('a) a broken ID number is refused by name; the corrected file previews three new members', async ({ page }) => {
  await signIn(page);
  await openImport(page);
  // The wizard starts at the secretary's own branch.
  const session = await apiGet<{ grants: { role: string; org_name: string }[] }>(page, '/auth/session');
  const own = session.grants.find((g) => g.role === 'branch_secretary')!;
  await expect(page.getByTestId('import-org')).toContainText(own.org_name);
  await expect(page.getByTestId('import-columns')).toContainText('公民身份号码');

  await upload(page, csv(PEOPLE, 2));
  await expect(page.getByTestId('import-count-error')).toHaveText('有错误 1');
  await expect(page.getByTestId('import-count-create')).toHaveText('新增 2');
  await expect(page.getByTestId('import-ignored')).toHaveCount(0);  // 序号 is expected, not an unknown column
  const bad = page.getByTestId('import-preview').locator('.el-table__row', { hasText: PEOPLE[2].name });
  await expect(bad).toContainText('错误');
  await expect(bad).toContainText('公民身份号码');
  // ID numbers come back masked.
  await expect(page.getByTestId('import-preview')).not.toContainText(PEOPLE[0].id);
  await expect(page.getByTestId('import-errors-skipped')).toContainText('有错误的 1 行不会导入');
  await expect(page.getByTestId('import-commit')).toHaveText('确认导入 2 条');
  await page.getByTestId('import-only-errors').click();
  await expect(page.getByTestId('import-preview').locator('.el-table__row')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENS}import-preview-errors.png`, fullPage: true, animations: 'disabled' });

  // Back to ①, the org kept; the corrected file.
  await page.getByTestId('import-back').click();
  await expect(page.getByTestId('import-org')).toContainText(own.org_name);
  await upload(page, csv(PEOPLE));
  await expect(page.getByTestId('import-count-create')).toHaveText('新增 3');
  await expect(page.getByTestId('import-count-error')).toHaveText('有错误 0');
  await expect(page.getByTestId('import-errors-skipped')).toHaveCount(0);
  await expect(page.getByTestId('import-commit')).toHaveText('确认导入 3 条');
  await expect(page.getByTestId('import-commit')).toBeEnabled();
});

test('b) the import writes the three members, and 党员名册 lists them', async ({ page }) => {
  await signIn(page);
  await openImport(page);
  await upload(page, csv(PEOPLE));
  await expect(page.getByTestId('import-count-create')).toHaveText('新增 3');
  const committed = page.waitForResponse((r) => /\/api\/v1\/imports\?/.test(r.url()) && r.request().method() === 'POST');
  await page.getByTestId('import-commit').click();
  expect((await committed).status()).toBe(201);
  await expect(page.getByTestId('import-result')).toContainText('新增 3 名');
  await expect(page.getByTestId('import-undo-result')).toBeVisible();
  const row = page.getByTestId('import-history').locator('.el-table__row', { hasText: FILE_NAME }).first();
  await expect(row).toContainText('已导入');
  await expect(row).toContainText('3 / 0 / 0');
  await page.screenshot({ path: `${SCREENS}import-done.png`, fullPage: true, animations: 'disabled' });

  const table = await searchRegistry(page);
  for (const p of PEOPLE) await expect(table.locator('.el-table__row', { hasText: p.name })).toHaveCount(1);
  await expect(table.locator('.el-table__row')).toHaveCount(PEOPLE.length);
  await expect(table.locator('.el-table__row', { hasText: PEOPLE[0].name })).toContainText(PEOPLE[0].join);
});

test('c) undoing the import from 导入记录 takes the three members out of 党员名册', async ({ page }) => {
  await signIn(page);
  await openImport(page);
  const row = page.getByTestId('import-history').locator('.el-table__row', { hasText: FILE_NAME }).first();
  await expect(row).toContainText('已导入');
  await row.getByTestId('import-undo').click();
  const box = page.locator('.el-message-box:visible');
  await expect(box).toContainText('新增的 3 名党员将从名册中删除');
  const undone = page.waitForResponse((r) => /\/api\/v1\/imports\/\d+\/undo$/.test(r.url()));
  await box.getByRole('button', { name: '撤销' }).click();
  expect((await undone).status()).toBe(200);
  await expect(row).toContainText('已撤销');
  await expect(row.getByTestId('import-undo')).toHaveCount(0);

  const table = await searchRegistry(page);
  for (const p of PEOPLE) await expect(table.locator('.el-table__row', { hasText: p.name })).toHaveCount(0);
  await expect(table).toContainText('没有找到党员');
});

test('d) one member registered by hand: a wrong ID number is named under the field, the corrected one is in 党员名册', async ({ page }) => {
  await signIn(page);
  await page.getByTestId('menu-member-list').click();
  const branch = (await apiGet<{ items: { id: number }[] }>(page, '/orgs/roots')).items[0];
  await page.getByTestId('member-register').click();
  const dialog = page.getByTestId('register-dialog');
  await pickOrg(page, 'register-org', [branch.id]);
  const id = idNumber('1986-08-08', 705);
  await page.getByTestId('register-name').fill('手录丁');
  await page.getByTestId('register-id-number').fill(broken(id));
  await page.getByTestId('register-join').fill('2008年7月1日');
  await page.getByTestId('register-conversion').fill('2009-07-01');
  await page.getByTestId('register-submit').click();
  await expect(dialog).toContainText('校验位不正确');
  await page.getByTestId('register-id-number').fill(id);
  await page.getByTestId('register-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('member-drawer')).toContainText('手录丁');
  await page.screenshot({ path: `${SCREENS}member-registered.png`, animations: 'disabled' });
});
