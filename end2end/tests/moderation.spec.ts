import { test, expect } from '@playwright/test';
import { visit, checkPage, registerAs, startGroup, newPerson, writePlan } from './helpers';

test('a reaction is reported, hidden by the coordinator with a reason, and restored', async ({ page, browser }) => {
  // Mila coordinates a group and writes a plan.
  await registerAs(page, 'Mila de Jong');
  await startGroup(page, `Moderatiegroep ${Date.now()}`);
  const planPath = await writePlan(page, `Speeltuin opknappen ${Date.now()}`);

  // Bram reacts rudely; Cas reports it.
  const bram = await newPerson(browser, 'Bram Kok');
  await visit(bram.page, planPath);
  await bram.page.getByLabel('Je reactie').fill('Wat een belachelijk en dom plan.');
  await bram.page.getByRole('button', { name: 'Reageren' }).click();
  await expect(bram.page.locator('#reactie-lijst')).toContainText('belachelijk');

  const cas = await newPerson(browser, 'Cas Dekker');
  await visit(cas.page, planPath);
  const reaction = cas.page.locator('#reactie-lijst .reaction').first();
  await reaction.getByText('Signaleren').click();
  await reaction.getByLabel('Wat is er niet in orde?').fill('Dit is niet vriendelijk voor de schrijver.');
  await reaction.getByRole('button', { name: 'Signaal versturen' }).click();
  await expect(cas.page.getByRole('status')).toContainText('Bedankt voor je signaal');
  await cas.context.close();

  // Mila finds it via the group page and hides it with a reason.
  await visit(page, '/moderatie');
  const report = page.locator('.notification').first();
  await expect(report).toContainText('belachelijk');
  await expect(report).toContainText('Signaal van Cas Dekker: Dit is niet vriendelijk');
  await report.getByText('Verbergen…').click();
  await report.getByLabel('Reden voor het verbergen').fill('Graag vriendelijk blijven, ook bij kritiek.');
  await report.getByRole('button', { name: 'Verbergen', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Verwerkt');
  await expect(page.getByText('Er zijn geen open signalen.')).toBeVisible();
  await checkPage(page);

  // Others see a placeholder; Bram sees his text and the reason.
  const guest = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'nl-NL' });
  const guestPage = await guest.newPage();
  await visit(guestPage, planPath);
  await expect(guestPage.locator('#reactie-lijst')).toContainText('verborgen door een moderator');
  await expect(guestPage.locator('#reactie-lijst')).not.toContainText('belachelijk');
  await guest.close();
  await visit(bram.page, planPath);
  await expect(bram.page.locator('#reactie-lijst')).toContainText('Reden: Graag vriendelijk blijven');
  await expect(bram.page.locator('#reactie-lijst')).toContainText('belachelijk');
  await bram.context.close();

  // The coordinator can put it back.
  await visit(page, planPath);
  await page.locator('#reactie-lijst').getByRole('button', { name: 'Terugzetten' }).click();
  await expect(page.locator('#reactie-lijst')).not.toContainText('Reden:');
  await expect(page.locator('#reactie-lijst')).toContainText('belachelijk');
});
