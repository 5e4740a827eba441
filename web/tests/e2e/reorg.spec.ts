// 组织调整 in the browser (issue 4: "Reorganizations … keep history, and a preview shows what changes before it is
// committed"). Community A's committee sets up a new branch below it — the preview quotes the rule the empty
// branch breaks (domain.md §1.2: ≥3 full members) — renames it, sees both steps in 组织沿革, tries to dissolve a
// branch that still has members (the preview names what blocks it and the commit stays disabled), and dissolves
// its own empty branch again, which leaves the structure as it was.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, COMMITTEE_A, login } from './helpers';

test.describe.configure({ mode: 'serial' });

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

interface Org {
  id: number;
  name: string;
  org_type: string;
  member_count: number;
  child_count: number;
}

const NEW_NAME = '海发社区功能型党支部';
const RENAMED = '海发社区流动党员功能型党支部';
let page: Page;
let community: Org;
let created = 0;

async function choose(kind: string): Promise<void> {
  await page.getByTestId('reorg-menu').click();
  await page.getByTestId(`reorg-${kind}`).click();
  await expect(page.getByTestId('reorg-dialog')).toBeVisible();
}

async function fillDoc(doc: string): Promise<void> {
  await page.getByTestId('reorg-doc').fill(doc);
}

test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext()).newPage();
  await login(page, COMMITTEE_A.username, COMMITTEE_A.password);
  await expect(page.getByTestId('home-hello')).toContainText(COMMITTEE_A.display);
  community = (await apiGet<{ items: Org[] }>(page, '/orgs/roots')).items[0];
});

test('a) the committee sets up a branch below it; the preview quotes the ≥3 full members rule', async () => {
  await page.getByTestId('menu-org-structure').click();
  await expect(page.getByTestId('org-detail-name')).toHaveText(community.name);
  await choose('create');
  await page.getByTestId('reorg-name').fill(NEW_NAME);
  await page.getByTestId('reorg-type').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: '功能型党支部' }).click();
  await fillDoc('海发社委〔2026〕5号');
  await page.getByTestId('reorg-preview-btn').click();
  const plan = page.getByTestId('reorg-preview');
  await expect(plan).toContainText(`新建“${NEW_NAME}”，隶属${community.name}`);
  await expect(plan.getByTestId('reorg-after')).toContainText('党支部须有正式党员三人以上');
  await page.screenshot({ path: `${SCREENS}reorg-preview.png`, animations: 'disabled' });
  const done = page.waitForResponse((r) => r.url().endsWith('/api/v1/reorganizations') && r.request().method() === 'POST');
  await page.getByTestId('reorg-commit').click();
  const res = await done;
  expect(res.status()).toBe(201);
  created = (await res.json()).created_ids[0];
  await expect(page.getByTestId('org-detail-name')).toHaveText(NEW_NAME);
  await expect(page.getByTestId('org-tree').locator(`[data-org-id="${created}"]`)).toContainText(NEW_NAME);
  await expect(page.getByTestId('org-history')).toContainText(`成立“${NEW_NAME}”`);
});

test('b) renaming keeps the org; 组织沿革 shows the old and the new name', async () => {
  await choose('rename');
  await page.getByTestId('reorg-name').fill(RENAMED);
  await fillDoc('海发社委〔2026〕6号');
  await page.getByTestId('reorg-preview-btn').click();
  await expect(page.getByTestId('reorg-plan')).toContainText(`更新为“${RENAMED}”`);
  await page.getByTestId('reorg-commit').click();
  await expect(page.getByTestId('org-detail-name')).toHaveText(RENAMED);
  await expect(page.getByTestId('org-history')).toContainText(`由“${NEW_NAME}”更名为“${RENAMED}”`);
  await page.screenshot({ path: `${SCREENS}reorg-history.png`, fullPage: true, animations: 'disabled' });
});

test('c) a branch with members cannot be dissolved: the preview names the blocker, the commit stays off', async () => {
  const branches = (await apiGet<{ items: Org[] }>(page, `/orgs/${community.id}/children`)).items;
  const withMembers = branches.find((b) => b.member_count > 0 && b.child_count === 0)!;
  await page.getByTestId('org-tree').locator(`[data-org-id="${withMembers.id}"] .lx-node-name`).click();
  await expect(page.getByTestId('org-detail-name')).toHaveText(withMembers.name);
  await choose('dissolve');
  await fillDoc('海发社委〔2026〕7号');
  await page.getByTestId('reorg-preview-btn').click();
  await expect(page.getByTestId('reorg-blockers')).toContainText(`“${withMembers.name}”还有`);
  await expect(page.getByTestId('reorg-commit')).toBeDisabled();
  await page.screenshot({ path: `${SCREENS}reorg-blocked.png`, animations: 'disabled' });
  await page.getByTestId('reorg-dialog').locator('.el-dialog__headerbtn').click();
});

test('d) the empty branch is dissolved; the structure is as it was', async () => {
  await page.getByTestId('org-tree').locator(`[data-org-id="${created}"] .lx-node-name`).click();
  await expect(page.getByTestId('org-detail-name')).toHaveText(RENAMED);
  await choose('dissolve');
  await fillDoc('海发社委〔2026〕8号');
  await page.getByTestId('reorg-preview-btn').click();
  await expect(page.getByTestId('reorg-plan')).toContainText(`“${RENAMED}”自生效日期起撤销`);
  await page.getByTestId('reorg-commit').click();
  await expect(page.getByTestId('org-detail-name')).toHaveText(community.name);
  await expect(page.getByTestId('org-tree').locator(`[data-org-id="${created}"]`)).toHaveCount(0);
});

test('e) an org sheet with a row that is not an org: the preview names it, the good row is set up, then undone', async () => {
  const sheet = Buffer.from([
    '海发社区党组织设置情况表,,',
    '党组织名称,组织类型,批准文号',
    '海发社区退役军人党支部,支部,海发社委〔2026〕9号',
    '3号楼党小组,党小组,',
    '',
  ].join('\r\n'), 'utf8');
  await page.getByTestId('menu-org-import').click();
  await expect(page).toHaveURL(/#\/org\/import/);
  await page.getByTestId('org-import-file').setInputFiles({ name: '党组织设置.csv', mimeType: 'text/csv', buffer: sheet });
  const rows = page.getByTestId('org-import-rows');
  await expect(rows).toContainText('海发社区退役军人党支部');
  await expect(rows).toContainText('组织类别“党小组”不是党组织类别');
  await expect(page.getByTestId('org-import-count-create')).toHaveText('新增 1');
  await page.screenshot({ path: `${SCREENS}org-import-preview.png`, fullPage: true, animations: 'disabled' });
  const committed = page.waitForResponse((r) => /\/api\/v1\/imports\/orgs\?/.test(r.url()) && r.request().method() === 'POST');
  await page.getByTestId('org-import-commit').click();
  const res = await committed;
  expect(res.status()).toBe(201);
  const id = (await res.json()).id;
  const children = await apiGet<{ items: Org[] }>(page, `/orgs/${community.id}/children`);
  expect(children.items.some((o) => o.name === '海发社区退役军人党支部')).toBe(true);
  await page.getByTestId(`org-import-undo-${id}`).click();
  await page.locator('.el-message-box:visible').getByRole('button', { name: '撤销' }).click();
  await expect(page.getByTestId(`org-import-undo-${id}`)).toHaveCount(0);
  const after = await apiGet<{ items: Org[] }>(page, `/orgs/${community.id}/children`);
  expect(after.items.some((o) => o.name === '海发社区退役军人党支部')).toBe(false);
});
