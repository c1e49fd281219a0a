import { test, expect } from '@playwright/test';
import { visit, registerAs, headerMenu } from './helpers';

// A community worker says so on their profile; it counts once an admin
// confirms it on /beheer/rollen, and the profile then says "bevestigd".
test('an admin confirms a professional role, and the profile shows it', async ({ page, browser }) => {
  const workerContext = await browser.newContext();
  const worker = await workerContext.newPage();
  const name = `Opbouwwerker ${Date.now()}`;
  await registerAs(worker, name);
  await worker.getByLabel('Wat is je rol in de wijk?').selectOption('opbouwwerker');
  await worker.getByRole('button', { name: 'Opslaan' }).click();
  await expect(worker.getByRole('status')).toContainText('opgeslagen');
  await expect(worker.getByText('Zelf opgegeven')).toBeVisible();

  await visit(page, '/inloggen');
  await page.getByLabel('E-mailadres').fill('beheer@demo.wijkplein.nl');
  await page.getByLabel('Wachtwoord').fill('buurt-demo-2026');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await (await headerMenu(page)).getByRole('link', { name: 'Beheer', exact: true }).click();
  await page.getByRole('link', { name: 'Beroepsrollen' }).click();
  await expect(page).toHaveURL(/\/beheer\/rollen$/);
  const card = page.locator('li.role-list__item').filter({ hasText: name });
  await expect(card).toContainText('zelf opgegeven');
  await visit(page, '/beheer/rollen');
  await card.getByLabel('Organisatie').fill('Buurtwerk Noord');
  await card.getByLabel('Gemeente').fill('Rotterdam');
  await card.getByRole('button', { name: 'Rol bevestigen' }).click();
  await expect(page.getByRole('status')).toHaveText('Opgeslagen.');
  await expect(card).toContainText('Buurtwerk Noord, Rotterdam');
  await expect(card.getByRole('button', { name: 'Bevestiging intrekken' })).toBeVisible();

  await worker.reload();
  await expect(worker.getByText('Buurtwerk Noord, Rotterdam')).toBeVisible();
  const forbidden = await worker.goto('/beheer/rollen');
  expect(forbidden?.status()).toBe(403);
  await workerContext.close();
});
