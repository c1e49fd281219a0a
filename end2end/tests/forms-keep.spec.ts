import { test, expect, Page } from '@playwright/test';
import { markNoScript, registerAs, startGroup, visit, writePlan, openFold } from './helpers';

// A refused form comes back with everything the person typed (passwords
// excepted), with and without JavaScript, and the address carries only a
// one-time key, never the error itself.

type Form = {
  name: string;
  /** Opens the form (logged in where needed); returns nothing. */
  open: (page: Page) => Promise<void>;
  /** Fills every field, one of them wrongly, and posts. */
  fill: (page: Page) => Promise<void>;
  /** Checks that every value is back. */
  kept: (page: Page) => Promise<void>;
};

const FORMS: Form[] = [
  {
    name: 'registration with a short password',
    open: async page => { await visit(page, '/registreren'); },
    fill: async page => {
      await page.getByLabel('Je naam').fill('Noor Visser');
      await page.getByLabel('E-mailadres').fill('noor-bewaard@voorbeeld.nl');
      await page.getByLabel('Wachtwoord').fill('kort');
      await page.getByLabel('Wat is je rol in de wijk?').selectOption('opbouwwerker');
      await page.getByRole('button', { name: 'Account maken' }).click();
    },
    kept: async page => {
      await expect(page.getByLabel('Je naam')).toHaveValue('Noor Visser');
      await expect(page.getByLabel('E-mailadres')).toHaveValue('noor-bewaard@voorbeeld.nl');
      await expect(page.getByLabel('Wat is je rol in de wijk?')).toHaveValue('opbouwwerker');
      await expect(page.getByLabel('Wachtwoord')).toHaveValue('');
    },
  },
  {
    name: 'a new plan with a title that is too short',
    open: async page => {
      await registerAs(page, 'Plan Schrijver');
      await startGroup(page, `Bewaarhof ${Date.now()}`);
      await page.getByRole('link', { name: 'Schrijf een plan' }).click();
    },
    fill: async page => {
      await page.getByLabel('Titel').fill('Ab');
      await page.getByLabel('Korte samenvatting').fill('Bankjes bij het water.');
      await page.getByLabel('Het plan').fill('Wij zetten samen met de buurt '.repeat(20));
      await page.getByLabel('Plek in de buurt (niet verplicht)').fill('De kade');
      await page.getByLabel('Kies voor de lange termijn').check();
      await page.getByRole('button', { name: 'Plan plaatsen' }).click();
    },
    kept: async page => {
      await expect(page.getByLabel('Titel')).toHaveValue('Ab');
      await expect(page.getByLabel('Korte samenvatting')).toHaveValue('Bankjes bij het water.');
      await expect(page.getByLabel('Het plan')).toHaveValue('Wij zetten samen met de buurt '.repeat(20));
      await expect(page.getByLabel('Plek in de buurt (niet verplicht)')).toHaveValue('De kade');
      await expect(page.getByLabel('Kies voor de lange termijn')).toBeChecked();
    },
  },
  {
    name: 'the profile with a name that is too short',
    open: async page => { await registerAs(page, 'Profiel Persoon'); await visit(page, '/profiel'); },
    fill: async page => {
      await page.getByLabel('Je naam').fill('P');
      await page.getByLabel('Wijk of buurt').fill('Transvaal');
      await page.getByLabel('Gemeente').fill('Den Haag');
      await page.getByRole('button', { name: 'Opslaan' }).click();
    },
    kept: async page => {
      await expect(page.getByLabel('Je naam')).toHaveValue('P');
      await expect(page.getByLabel('Wijk of buurt')).toHaveValue('Transvaal');
      await expect(page.getByLabel('Gemeente')).toHaveValue('Den Haag');
    },
  },
  {
    name: 'a new group with a name that is too short',
    open: async page => { await registerAs(page, 'Groep Starter'); await visit(page, '/groepen/nieuw'); },
    fill: async page => {
      await page.getByLabel('Naam van de groep').fill('G');
      await page.getByLabel('Wijk of buurt').fill('Het Oude Westen');
      await page.getByLabel('Gemeente').fill('Rotterdam');
      await page.getByLabel('Postcodegebied (niet verplicht)').fill('3014');
      await page.getByLabel('Over de groep').fill('We maken samen de binnenplaatsen groener.');
      await page.getByLabel('Meedoen op aanvraag').check();
      await page.getByRole('button', { name: 'Groep starten' }).click();
    },
    kept: async page => {
      await expect(page.getByLabel('Naam van de groep')).toHaveValue('G');
      await expect(page.getByLabel('Wijk of buurt')).toHaveValue('Het Oude Westen');
      await expect(page.getByLabel('Gemeente')).toHaveValue('Rotterdam');
      await expect(page.getByLabel('Postcodegebied (niet verplicht)')).toHaveValue('3014');
      await expect(page.getByLabel('Over de groep')).toHaveValue('We maken samen de binnenplaatsen groener.');
      await expect(page.getByLabel('Meedoen op aanvraag')).toBeChecked();
    },
  },
  {
    name: 'a reaction that is too short',
    open: async page => { await registerAs(page, 'Korte Reageerder'); await visit(page, '/manifest'); },
    fill: async page => {
      await page.getByLabel('Soort reactie').selectOption('zorg');
      await page.getByLabel('Je reactie').fill('a');
      await page.getByRole('button', { name: 'Reageren' }).click();
    },
    kept: async page => {
      await expect(page.getByLabel('Soort reactie')).toHaveValue('zorg');
      await expect(page.getByLabel('Je reactie')).toHaveValue('a');
    },
  },
  {
    name: 'a progress report without its story',
    open: async page => {
      await registerAs(page, 'Verslag Schrijver');
      await startGroup(page, `Verslaghof ${Date.now()}`);
      await writePlan(page, 'Een moestuin op het dak');
    },
    fill: async page => {
      await openFold(page, 'details.update-fold');
      await page.getByLabel('Wat is de volgende stap?').fill('Bakken timmeren');
      await page.getByLabel('Wie is daarvoor verantwoordelijk?').fill('Sanne en Ali');
      await page.getByRole('button', { name: 'Verslag plaatsen' }).click();
    },
    kept: async page => {
      await expect(page.getByLabel('Wat is de volgende stap?')).toHaveValue('Bakken timmeren');
      await expect(page.getByLabel('Wie is daarvoor verantwoordelijk?')).toHaveValue('Sanne en Ali');
    },
  },
];

for (const script of [true, false]) {
  test.describe(script ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: script });
    for (const form of FORMS) {
      test(`${form.name} comes back with what was typed`, async ({ page }) => {
        if (!script) markNoScript(page);
        await form.open(page);
        await form.fill(page);
        await expect(page.getByRole('alert')).toBeVisible();
        expect(page.url()).toMatch(/[?&]formulier=[0-9a-f]{16}/);
        expect(page.url()).not.toContain('__err');
        await form.kept(page);
        // The values were shown once: a reload gives the form as it was.
        await page.reload();
        await expect(page.locator('.error-summary')).toHaveCount(0);
      });
    }
  });
}

test('a link cannot put words in the error box', async ({ page }) => {
  const err = Buffer.from(JSON.stringify({ Internal: 'Bel direct 0900-OPLICHTER' })).toString('base64url');
  const res = await page.goto(`/inloggen?__path=/api/log_in&__err=${err}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByText('OPLICHTER')).toHaveCount(0);
  await expect(page.locator('.error-summary')).toHaveCount(0);
});
