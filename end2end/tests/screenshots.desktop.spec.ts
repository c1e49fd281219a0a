import { test, expect } from '@playwright/test';
import { visit } from './helpers';

// Desktop-width pass over the main pages: accessible, no overflow, and a
// screenshot in test-results/ to look at.
for (const path of ['/', '/registreren', '/inloggen', '/manifest', '/groepen', '/groepen?q=utrecht']) {
  test(`desktop ${path}`, async ({ page }, info) => {
    await visit(page, path);
    await page.screenshot({ path: info.outputPath('page.png'), fullPage: true });
  });
}

test('on a wide screen the navigation and search stand in the header, with no menu button', async ({ page }) => {
  await visit(page, '/plannen');
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Groepen' })).toBeVisible();
  await expect(page.getByRole('banner').getByLabel('Zoek in Wijkplein')).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Inloggen' })).toBeVisible();
  await expect(page.locator('.site-menu summary')).toBeHidden();
  await expect(page.getByLabel('Fase')).toBeVisible();
});

// Before, the card grid kept to the reading width of a list (65 characters)
// and left a third of a wide screen empty.
test('card grids use the whole width on a wide screen', async ({ page }) => {
  await visit(page, '/groepen');
  const grid = page.locator('.group-cards').first();
  const main = page.locator('main');
  const [g, m] = [await grid.boundingBox(), await main.boundingBox()];
  expect(g!.width).toBeGreaterThan(m!.width - 2 * 16 - 40);
  const cards = await grid.locator(':scope > li').evaluateAll((items) => items.slice(0, 3).map((li) => li.getBoundingClientRect().top));
  expect(new Set(cards.map(Math.round)).size, 'three cards side by side').toBe(1);
});
