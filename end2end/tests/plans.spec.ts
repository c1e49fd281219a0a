import { test, expect } from '@playwright/test';
import { visit, checkPage, registerAs, startGroup, newPerson, writePlan, managePlan } from './helpers';

// A 1×1 PNG, enough for the server to decode and re-encode.
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

test('write a plan with a principle, move it through phases, and support it', async ({ page, browser }) => {
  await registerAs(page, 'Yara Bakker');
  const groupPath = await startGroup(page, `Pleingroep ${Date.now()}`);
  await page.getByRole('link', { name: 'Schrijf een plan' }).click();
  const title = `Zes bomen op het plein ${Date.now()}`;
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Korte samenvatting').fill('Meer schaduw en groen voor iedereen.');
  await page.getByLabel('Het plan').fill('We planten **zes bomen** met de buurt.\n\nDe gemeente denkt mee.');
  await page.getByLabel('Plek in de buurt (niet verplicht)').fill('Het pleintje');
  await page.getByLabel('Kies voor de lange termijn').check();
  await checkPage(page);
  await page.getByRole('button', { name: 'Plan plaatsen' }).click();
  await expect(page.getByRole('status')).toContainText('Het begint als idee');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.plan__phase [aria-current="step"]')).toHaveText('Idee');
  await expect(page.locator('.plan__body strong')).toHaveText('zes bomen');
  const planPath = new URL(page.url()).pathname;
  await checkPage(page);

  // An image with a description; the server scales and re-encodes it.
  await page.getByText('Beeld toevoegen').click();
  await page.getByLabel('Wat staat erop?').fill('Het plein zoals het nu is');
  await page.getByLabel('Afbeelding', { exact: true }).setInputFiles({ name: 'plein.png', mimeType: 'image/png', buffer: Buffer.from(TINY_PNG, 'base64') });
  await page.getByRole('button', { name: 'Beeld uploaden' }).click();
  await expect(page.getByRole('status')).toContainText('Het beeld is toegevoegd');
  const img = page.getByRole('img', { name: 'Het plein zoals het nu is' });
  await expect(img).toBeVisible();
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);

  // Step by step through the phases; a pause needs a reason.
  await managePlan(page);
  await page.getByLabel('Nieuwe fase').selectOption('in_gesprek');
  await page.getByRole('button', { name: 'Fase opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('De fase is aangepast');
  await expect(page.locator('.plan__phase [aria-current="step"]')).toHaveText('In gesprek');
  await managePlan(page);
  await page.getByLabel('Nieuwe fase').selectOption('gepauzeerd');
  await page.getByRole('button', { name: 'Fase opslaan' }).click();
  await expect(page.getByRole('alert')).toContainText('waarom het plan pauzeert');
  await managePlan(page);
  await page.getByLabel('Nieuwe fase').selectOption('gepauzeerd');
  await page.getByLabel('Waarom? (nodig bij pauzeren of stoppen)').fill('Eerst de zomer afwachten.');
  await page.getByRole('button', { name: 'Fase opslaan' }).click();
  const timeline = page.locator('#tijdlijn');
  await expect(timeline).toContainText('zette het plan op “Gepauzeerd”');
  await expect(timeline).toContainText('Eerst de zomer afwachten.');
  await expect(timeline.locator('li')).toHaveCount(3);

  // The group page and the principle page link to it.
  await visit(page, groupPath);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await visit(page, '/manifest/principes/lange-termijn');
  await expect(page.getByRole('link', { name: title })).toBeVisible();

  // Someone else supports it once, and can withdraw.
  const { context, page: other } = await newPerson(browser, 'Tim de Wit');
  await visit(other, planPath);
  await expect(other.getByRole('button', { name: 'Fase opslaan' })).toHaveCount(0);
  await other.getByRole('button', { name: 'Ik steun dit plan' }).click();
  await expect(other.getByText('1 persoon steunt dit plan')).toBeVisible();
  await other.getByRole('button', { name: 'Steun intrekken' }).click();
  await expect(other.getByText('Nog niemand steunt dit plan')).toBeVisible();
  await context.close();
});

// Before, the phase form preselected "Idee" for a plan in conversation: one
// careless click moved it back. Now the form proposes the next step, the
// route shows where the plan stands, and going back is apart, with a reason.
test('the phase form goes forward; a step back asks why', async ({ page }) => {
  await registerAs(page, 'Fase Zetter');
  await startGroup(page, `Fasehof ${Date.now()}`);
  await writePlan(page, 'Een bankje bij de bushalte');
  await managePlan(page);
  await page.getByLabel('Nieuwe fase').selectOption('in_gesprek');
  await page.getByRole('button', { name: 'Fase opslaan' }).click();
  const current = page.locator('.plan__phase [aria-current="step"]');
  await expect(current).toHaveText('In gesprek');
  await expect(page.locator('.plan__phase li')).toHaveText(['Idee', 'In gesprek', 'Besloten', 'In uitvoering', 'Afgerond']);
  await managePlan(page);
  await expect(page.getByLabel('Nieuwe fase')).toHaveValue('besloten');
  await expect(page.getByLabel('Nieuwe fase').locator('option[value="idee"]')).toHaveCount(0);
  await page.getByText('Een stap terug naar “Idee”').click();
  await page.getByLabel('Waarom gaat het plan terug? (nodig)').fill('We willen eerst meer buren horen.');
  await page.getByRole('button', { name: 'Terugzetten naar “Idee”' }).click();
  await expect(current).toHaveText('Idee');
  await expect(page.locator('#tijdlijn')).toContainText('We willen eerst meer buren horen.');
});
