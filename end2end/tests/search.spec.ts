import { test, expect } from '@playwright/test';
import { checkPage, markNoScript, registerAs, startGroup, writePlan, headerSearch } from './helpers';

test('search from the header finds a new plan by another form of its words, and opens it', async ({ page }) => {
  await registerAs(page, 'Noor Visser');
  await startGroup(page, `Speelgroep ${Date.now()}`);
  const word = `Klimrek${Date.now()}`;
  const planPath = await writePlan(page, `${word} in de speeltuin`);

  // Results as you type, under the header's box, without leaving the page.
  await headerSearch(page);
  const header = page.getByRole('search').first();
  await header.getByLabel('Zoek in Wijkplein').fill('speeltuinen');
  const panel = page.locator('#kop-zoekresultaten');
  await expect(panel.getByRole('link', { name: `${word} in de speeltuin` })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${planPath}(\\?nieuw=1)?$`));
  await header.getByLabel('Zoek in Wijkplein').fill('');
  await expect(panel).toBeEmpty();
  await header.getByLabel('Zoek in Wijkplein').fill('speeltuinen');
  await header.getByRole('button', { name: 'Zoek' }).click();
  await expect(page).toHaveURL(/\/zoeken\?q=speeltuinen/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zoeken');
  const plans = page.getByRole('region', { name: 'Plannen' });
  await expect(plans.getByRole('link', { name: `${word} in de speeltuin` })).toBeVisible();
  await expect(plans.locator('mark').first()).toBeVisible();
  await checkPage(page);

  // On the results page the results follow the typing and the filters, and
  // the address follows them, without a reload.
  await page.evaluate(() => ((window as any).stayed = true));
  const form = page.locator('#zoekformulier');
  await form.getByLabel('Zoek in Wijkplein').fill(word.toLowerCase());
  await expect(page).toHaveURL(new RegExp(`q=${word.toLowerCase()}`));
  await expect(plans.getByRole('link')).toHaveCount(1);
  await form.getByLabel('Soort').selectOption({ label: 'Bewonersgroepen' });
  await expect(page).toHaveURL(/soort=group/);
  await expect(plans).toHaveCount(0);
  await form.getByLabel('Soort').selectOption({ label: 'Plannen' });
  await expect(plans.getByRole('link', { name: `${word} in de speeltuin` })).toBeVisible();
  expect(await page.evaluate(() => (window as any).stayed)).toBe(true);
  await plans.getByRole('link', { name: `${word} in de speeltuin` }).click();
  await expect(page).toHaveURL(new RegExp(`${planPath}$`));
});

test('a reaction found in an older thread opens on its page, at the reaction', async ({ page }) => {
  await registerAs(page, 'Ravi Bakker');
  await startGroup(page, `Draadgroep ${Date.now()}`);
  const planPath = await writePlan(page, `Lange discussie ${Date.now()}`);
  const subject = `plan:${planPath.split('/').pop()}`;
  // More threads than a page holds (20), posted as the forms would.
  await page.evaluate(async ({ subject, back }) => {
    for (let n = 0; n < 21; n++) {
      const body = new URLSearchParams({ subject, kind: 'vraag', body: `Draad nummer ${n}`, back });
      const res = await fetch('/api/post_reaction', { method: 'POST', body });
      if (!res.ok) throw new Error(`post ${n}: ${res.status}`);
    }
  }, { subject, back: planPath });

  // The first thread is on the second page; a reply there comes back to it.
  await page.goto(planPath);
  await expect(page.locator('#reactie-lijst')).not.toContainText('Draad nummer 0');
  await page.getByRole('link', { name: 'Oudere reacties' }).click();
  const thread = page.locator('li.thread').filter({ hasText: 'Draad nummer 0' });
  const word = `vlinderstruik${Date.now()}`;
  await thread.getByText('Reageer hierop').click();
  await thread.getByLabel('Je antwoord').fill(`Een ${word} trekt vlinders.`);
  await thread.getByRole('button', { name: 'Antwoord plaatsen' }).click();
  await expect(page).toHaveURL(new RegExp(`${planPath}\\?na=[0-9-]+#reactie-\\d+$`));
  await expect(page.locator('li.thread').filter({ hasText: 'Draad nummer 0' }).locator('.replies')).toContainText(word);

  // Found from the header; the result opens the page with that thread, at the reply.
  await page.goto('/');
  await headerSearch(page);
  await page.getByRole('search').first().getByLabel('Zoek in Wijkplein').fill(word);
  await page.getByRole('search').first().getByRole('button', { name: 'Zoek' }).click();
  const reactions = page.getByRole('region', { name: 'Reacties' });
  await expect(reactions.locator('mark')).toHaveText(word);
  await reactions.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`${planPath}\\?na=[0-9-]+#reactie-\\d+$`));
  const anchor = new URL(page.url()).hash;
  await expect(page.locator(anchor)).toContainText(word);
  await expect(page.locator(anchor)).toBeInViewport();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header search is a plain form, and nothing found says so', async ({ page }) => {
    markNoScript(page);
    await page.goto('/groepen');
    // The search button opens the box without JavaScript too.
    await headerSearch(page);
    await page.getByRole('search').first().getByLabel('Zoek in Wijkplein').fill('waarderend');
    await page.getByRole('search').first().getByLabel('Zoek in Wijkplein').press('Enter');
    await expect(page.getByRole('region', { name: 'Uit het manifest' }).getByRole('link').first()).toBeVisible();
    await checkPage(page);
    // The filters are part of the same form.
    const form = page.locator('#zoekformulier');
    await form.getByLabel('Soort').selectOption({ label: 'Plannen' });
    await form.getByRole('button', { name: 'Zoek' }).click();
    await expect(page).toHaveURL(/soort=plan/);
    await expect(page.getByRole('region', { name: 'Uit het manifest' })).toHaveCount(0);
    await page.goto('/zoeken?q=qwertyzxcv');
    await expect(page.getByText('Niets gevonden voor “qwertyzxcv”.')).toBeVisible();
  });
});
