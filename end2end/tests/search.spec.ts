import { test, expect } from '@playwright/test';
import { checkPage, markNoScript, registerAs, startGroup, writePlan } from './helpers';

test('search from the header finds a new plan by another form of its words, and opens it', async ({ page }) => {
  await registerAs(page, 'Noor Visser');
  await startGroup(page, `Speelgroep ${Date.now()}`);
  const word = `Klimrek${Date.now()}`;
  const planPath = await writePlan(page, `${word} in de speeltuin`);

  await page.getByRole('search').first().getByLabel('Zoek in Wijkplein').fill('speeltuinen');
  await page.getByRole('search').first().getByRole('button', { name: 'Zoek' }).click();
  await expect(page).toHaveURL(/\/zoeken\?q=speeltuinen/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zoeken');
  const plans = page.getByRole('region', { name: 'Plannen' });
  await expect(plans.getByRole('link', { name: `${word} in de speeltuin` })).toBeVisible();
  await expect(plans.locator('mark').first()).toBeVisible();
  await checkPage(page);
  await plans.getByRole('link', { name: `${word} in de speeltuin` }).click();
  await expect(page).toHaveURL(new RegExp(`${planPath}$`));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header search is a plain form, and nothing found says so', async ({ page }) => {
    markNoScript(page);
    await page.goto('/groepen');
    await page.getByRole('search').first().getByLabel('Zoek in Wijkplein').fill('waarderend');
    await page.getByRole('search').first().getByLabel('Zoek in Wijkplein').press('Enter');
    await expect(page.getByRole('region', { name: 'Uit het manifest' }).getByRole('link').first()).toBeVisible();
    await checkPage(page);
    await page.goto('/zoeken?q=qwertyzxcv');
    await expect(page.getByText('Niets gevonden voor “qwertyzxcv”.')).toBeVisible();
  });
});
