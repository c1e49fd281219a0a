import { test, expect } from '@playwright/test';
import { visit, registerAs, startGroup, newPerson, writePlan } from './helpers';
import { waitForMail } from './mail';

test('a reply comes by e-mail at once when chosen, and its link leads to it', async ({ page, browser }) => {
  test.skip(!process.env.MAILDIR, 'needs the SMTP sink of scripts/test.sh');
  const noor = await registerAs(page, 'Noor Visser');
  await startGroup(page, `Mailgroep ${Date.now()}`);
  const planPath = await writePlan(page, `Buurtmoestuin ${Date.now()}`);
  await page.getByLabel('Soort reactie').selectOption('vraag');
  await page.getByLabel('Je reactie').fill('Wie heeft er nog zaden over?');
  await page.getByRole('button', { name: 'Reageren' }).click();

  // Noor asks for replies by e-mail, from the notifications page.
  await visit(page, '/meldingen');
  await page.getByRole('link', { name: 'Meldingen ook per e-mail ontvangen? Stel het hier in.' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-mail bij meldingen');
  await expect(page.getByText(`We sturen e-mail naar ${noor}.`)).toBeVisible();
  const replies = page.getByRole('group', { name: 'Iemand reageert op mijn reactie' });
  await expect(replies.getByLabel('Alleen in Wijkplein')).toBeChecked();
  // With the keyboard: the arrow key moves the choice within the group.
  await replies.getByLabel('Alleen in Wijkplein').focus();
  await page.keyboard.press('ArrowDown');
  await expect(replies.getByLabel('Meteen per e-mail')).toBeChecked();
  await page.getByRole('group', { name: 'Een nieuw plan in een van mijn groepen' }).getByLabel('In het dagelijkse overzicht').check();
  await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('Je keuzes zijn opgeslagen.');
  await expect(replies.getByLabel('Meteen per e-mail')).toBeChecked();
  await visit(page, '/meldingen/instellingen');

  // Sam answers; the mail reaches Noor within seconds.
  const { context, page: sam } = await newPerson(browser, 'Sam Peeters');
  await sam.goto(planPath);
  const list = sam.locator('#reactie-lijst');
  await list.getByText('Reageer hierop').click();
  await list.getByLabel('Je antwoord').fill('Ik heb nog bonen en courgette.');
  await list.getByRole('button', { name: 'Antwoord plaatsen' }).click();
  await expect(sam.locator('.replies')).toContainText('Ik heb nog bonen en courgette.');
  await context.close();

  const mail = await waitForMail(noor, m => m.body.includes('Sam Peeters reageerde op je reactie'));
  const link = mail.body.match(/https?:\/\/\S+\/plannen\/\d+\?na=[0-9-]+#reactie-\d+/)?.[0];
  expect(link, mail.body).toBeTruthy();
  await page.goto(link!);
  await expect(page.locator('#reactie-lijst .replies')).toContainText('Ik heb nog bonen en courgette.');
});
