import { test, expect } from '@playwright/test';
import { visit, markNoScript, headerMenu } from './helpers';

test('the home page hydrates its islands: tabs switch without a page load', async ({ page }) => {
  await visit(page, '/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samen maken we de buurt');
  // Once the island is hydrated the pillar list becomes tabs.
  const tab = page.getByRole('tab', { name: /Een lange adem/ });
  await expect(tab).toBeVisible();
  await page.evaluate(() => { (window as any).__stillHere = true; });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('Kies voor de lange termijn');
  await expect(page.getByText('Werk waarderend en uitnodigend')).toBeHidden();
  // Arrow keys move between tabs, as the ARIA tabs pattern says.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Mogelijk maken/ })).toBeFocused();
  await expect(page.getByRole('tabpanel')).toContainText('Experimenteer met nieuwe mogelijkheden tot verantwoording');
  expect(await page.evaluate(() => (window as any).__stillHere)).toBe(true);
  await visit(page, '/'); // and the tabbed state is accessible too
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test.beforeEach(({ page }) => markNoScript(page));
  test('the pillars are one readable list', async ({ page }) => {
    await visit(page, '/');
    await expect(page.getByRole('tab')).toHaveCount(0);
    await expect(page.getByText('Werk waarderend en uitnodigend')).toBeVisible();
    await expect(page.getByText('Experimenteer met nieuwe mogelijkheden tot verantwoording')).toBeVisible();
  });
});

test('the language switch works from any page and is remembered', async ({ page }) => {
  await visit(page, '/inloggen');
  await (await headerMenu(page)).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await visit(page, '/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Together we make the neighbourhood');
  await (await headerMenu(page)).getByRole('link', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samen maken we de buurt');
});

test('unknown pages say so kindly, with a 404', async ({ page }) => {
  const response = await visit(page, '/bestaat-niet');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet');
});
