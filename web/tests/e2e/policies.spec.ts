// 政策参数 in the browser (issue 16 "Policy store"; domain.md §5.4 lost-contact searches are a local rule): the org
// admin of 嵩屿街道 opens the page, sees 失联党员寻找间隔 at its national default, changes it from today with a 文号,
// then sees it in force (set by the street, from today, with the document) and in the key's history.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiGet, login, STREET_ADMIN } from './helpers';

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

test('the street admin changes the lost-contact search interval from today with a document number', async ({ page }) => {
  await login(page, STREET_ADMIN.username, STREET_ADMIN.password);
  await expect(page.getByTestId('home-hello')).toContainText(STREET_ADMIN.display);
  const street = (await apiGet<{ items: { id: number; name: string }[] }>(page, '/orgs/roots')).items[0];
  expect(street.name).toContain('嵩屿街道');
  const before = (await apiGet<PolicyList>(page, `/orgs/${street.id}/policies`)).items.find((i) => i.key === KEY)!;
  const next = before.value < before.max ? before.value + 1 : before.value - 1;

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
});
