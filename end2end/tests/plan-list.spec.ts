import { test, expect } from '@playwright/test';
import { visit, markNoScript, registerAs, startGroup, writePlan, planFilters, managePlan, openFold } from './helpers';

test('find plans across groups by phase, principle and order, without JavaScript too', async ({ page }) => {
  markNoScript(page);
  await visit(page, '/plannen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plannen');
  const demo = page.getByRole('link', { name: 'Bankjes en bomen op het Kempplein' });
  await expect(demo).toBeVisible();
  await expect(page.locator('.plan-card').filter({ has: demo })).toContainText('reacties');

  await planFilters(page);
  await page.getByLabel('Fase').selectOption('in_gesprek');
  await page.getByLabel('Volgorde').selectOption('steun');
  await page.getByRole('button', { name: 'Toon plannen' }).click();
  await expect(page).toHaveURL(/fase=in_gesprek/);
  await expect(page).toHaveURL(/sorteer=steun/);
  // Folded again on the phone, the button says one filter is on.
  await expect(page.locator('.filters__fold summary')).toHaveText(/Filters\s*1\s*gekozen/);
  await planFilters(page);
  await expect(page.getByLabel('Fase')).toHaveValue('in_gesprek');
  await expect(demo).toBeVisible();

  await page.getByLabel('Fase').selectOption('afgerond');
  await page.getByRole('button', { name: 'Toon plannen' }).click();
  await expect(page.getByText('Geen plannen gevonden')).toBeVisible();

  await planFilters(page);
  await page.getByLabel('Fase').selectOption('');
  await page.getByLabel('Principe uit het manifest').selectOption('wat-er-al-is');
  await page.getByLabel('Gemeente').selectOption('Den Haag');
  await page.getByRole('button', { name: 'Toon plannen' }).click();
  await expect(demo).toBeVisible();
});

test('report progress on a plan and read it back', async ({ page }) => {
  await registerAs(page, 'Iris Jansen');
  await startGroup(page, `Verslaggroep ${Date.now()}`);
  const title = `Buurtbibliotheek ${Date.now()}`;
  await writePlan(page, title);
  await openFold(page, 'details.update-fold');
  await page.getByLabel('Wat is er gebeurd?').fill('We hebben een oude kast gekregen van de bakker.');
  await page.getByLabel('Wat is de volgende stap?').fill('Kast schilderen');
  await page.getByLabel('Wie is daarvoor verantwoordelijk?').fill('Iris en Ahmed');
  await page.getByRole('button', { name: 'Verslag plaatsen' }).click();
  const update = page.locator('#verslagen-lijst .update').first();
  await expect(update).toContainText('oude kast');
  await expect(update).toContainText('Voortgang');
  await expect(update).toContainText('Iris en Ahmed');
  await page.getByRole('link', { name: 'Verantwoording', exact: true }).click();
  await expect(page.locator('#verslagen-lijst')).toContainText('Nog geen verslagen.');

  // The group's plans are one click from the group page, in the list's filter.
  await visit(page, '/plannen');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
});

test('the writer edits a plan; the phase stays', async ({ page }) => {
  await registerAs(page, 'Pim Vos');
  await startGroup(page, `Bewerkgroep ${Date.now()}`);
  const planPath = await writePlan(page, `Fietsenstalling ${Date.now()}`);
  await managePlan(page);
  await page.getByRole('link', { name: 'Plan bewerken' }).click();
  await expect(page).toHaveURL(`${planPath}/bewerken`);
  await expect(page.getByLabel('Titel')).not.toHaveValue('');
  const title = `Fietsenstalling bij de school ${Date.now()}`;
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Kies voor de lange termijn').check();
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('Het plan is bijgewerkt');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.plan__phase [aria-current="step"]')).toHaveText('Idee');
  await expect(page.getByRole('link', { name: 'Kies voor de lange termijn' })).toBeVisible();
});
