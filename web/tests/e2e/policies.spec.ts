// 政策参数 in the browser (issue 16 "Policy store"; domain.md §2.5 lost-contact searches are a local rule): the org
// admin of 嵩屿街道 opens the page, sees 失联党员寻找间隔 at its national default, changes it from today with a 文号,
// then sees it in force (set by the street, from today, with the document) and in the key's history — and a
// lost-contact member's reminder follows (issue 16 "Done when": the reminder reads the interval in force today).
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, apiSend, login, STREET_ADMIN } from './helpers';

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });
const KEY = 'lost_contact.search_every_months';
const DOC = '嵩工委〔2026〕16号';

interface PolicyList {
  org: { id: number; name: string };
  as_of: string;
  can_edit: boolean;
  items: { key: string; value: number; default: number; min: number; max: number; unit_label: string }[];
}

interface MemberRecord {
  id: number;
  name: string;
  version: number;
  education: string;
  work_unit: string;
  occupation: string;
  skills: string[];
  tags: string[];
  floating_to: string;
}

// A Shanghai calendar day `days` from today (negative: in the past).
const shanghaiDay = (days: number) => new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);

test('the street admin changes the lost-contact search interval from today with a document number', async ({ page }) => {
  await login(page, STREET_ADMIN.username, STREET_ADMIN.password);
  await expect(page.getByTestId('home-hello')).toContainText(STREET_ADMIN.display);
  const street = (await apiGet<{ items: { id: number; name: string }[] }>(page, '/orgs/roots')).items[0];
  expect(street.name).toContain('嵩屿街道');
  const before = (await apiGet<PolicyList>(page, `/orgs/${street.id}/policies`)).items.find((i) => i.key === KEY)!;
  // The shortest interval, so that a search of 45 days ago is due under it but not under the default (3 months).
  const next = before.min;
  expect(next).toBeLessThan(before.value);

  // A member of the street lost contact eight months ago and was searched for 45 days ago: with the default
  // interval no search is due yet.
  const listed = (await apiGet<{ items: { id: number; tags: string[] }[] }>(page, '/members?limit=50')).items;
  const plain = listed.filter((x) => x.tags.length === 0);
  const chosen = await apiGet<MemberRecord>(page, `/members/${plain[plain.length - 1].id}`);
  const m = await apiSend<MemberRecord>(page, 'PUT', `/members/${chosen.id}`, {
    version: chosen.version, education: chosen.education, work_unit: chosen.work_unit, occupation: chosen.occupation,
    skills: chosen.skills, tags: ['lost_contact'], floating_to: '',
    lost_contact_on: shanghaiDay(-240),
  });
  await apiSend(page, 'POST', `/members/${m.id}/lost-contact-searches`, {
    on: shanghaiDay(-45), method: 'phone', searched_by: '支部书记王某', result: '拨打原手机号，无人接听',
  });
  const openMember = async () => {
    await page.getByTestId('menu-member-list').click();
    await page.getByTestId('member-q').fill(m.name);
    await page.getByTestId('member-search').click();
    await page.getByTestId(`member-view-${m.id}`).click();
    await expect(page.getByTestId('member-detail-name')).toHaveText(m.name);
    await expect(page.getByTestId('lost-contact-entry')).toHaveCount(1);
  };
  await openMember();
  await expect(page.getByTestId('lost-contact-reminder')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.getByTestId('menu-org-policies').click();
  await expect(page).toHaveURL(/#\/org\/policies/);
  const table = page.getByTestId('policy-table');
  await expect(table).toContainText('失联党员寻找间隔');
  await expect(page.getByTestId(`policy-value-${KEY}`)).toHaveText(`${before.value} ${before.unit_label}`);
  await expect(page.getByTestId(`policy-org-${KEY}`)).toHaveText('全国默认');

  await page.getByTestId(`policy-edit-${KEY}`).click();
  const dialog = page.getByTestId('policy-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('仍按原规定判断');
  // no document number: the server names the field
  await page.locator('[data-testid="policy-value"] input').fill(String(next));
  await page.getByTestId('policy-save').click();
  await expect(dialog.locator('.el-form-item.is-error')).toContainText('依据文号');
  await page.getByTestId('policy-doc').fill(DOC);
  await page.getByTestId('policy-save').click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId(`policy-value-${KEY}`)).toHaveText(`${next} ${before.unit_label}`);
  await expect(page.getByTestId(`policy-org-${KEY}`)).toHaveText(street.name);
  const row = table.locator('.el-table__row', { hasText: '失联党员寻找间隔' });
  await expect(row).toContainText(DOC);
  const today = (await apiGet<PolicyList>(page, `/orgs/${street.id}/policies`)).as_of;
  await expect(row).toContainText(today);
  await page.screenshot({ path: `${SCREENS}policies.png`, animations: 'disabled' });

  await expect(page.locator('.el-message')).toHaveCount(0);  // the toast is gone before the drawer's picture
  await page.getByTestId(`policy-history-${KEY}`).click();
  const history = page.getByTestId('policy-history-table');
  await expect(history).toContainText(DOC);
  await expect(history).toContainText(`${next} ${before.unit_label}`);
  await expect(history).toContainText(`${today} ~ 至今`);
  await page.screenshot({ path: `${SCREENS}policies-history.png`, animations: 'disabled' });

  // The member's reminder follows the interval in force today: the search of 45 days ago is now overdue.
  await page.keyboard.press('Escape');
  await openMember();
  await expect(page.getByTestId('lost-contact-reminder')).toContainText(`已失联满六个月，近 ${next} 个月没有寻找记录`);
});
