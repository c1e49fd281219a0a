import { test, expect } from '@playwright/test';
import { registerAs, startGroup, writePlan, waitForLive } from './helpers';

// scripts/test.sh starts a second server instance on the same PostgreSQL
// database and passes its address here. With SQLite there is one instance.
const second = process.env.SECOND_BASE_URL;

test('a reaction posted on one instance appears live on the other', async ({ page, browser }) => {
  test.skip(!second, 'needs a second instance (PostgreSQL run of scripts/test.sh)');
  await registerAs(page, 'Lotte Smit');
  await startGroup(page, `Tweelinggroep ${Date.now()}`);
  const planPath = await writePlan(page, `Speelplek ${Date.now()}`);

  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'nl-NL', baseURL: second });
  const reader = await context.newPage();
  await reader.goto(planPath);
  expect(new URL(reader.url()).origin).toBe(new URL(second!).origin);
  await waitForLive(reader);

  await page.getByLabel('Je reactie').fill('Wie heeft er nog een oude glijbaan?');
  await page.getByRole('button', { name: 'Reageren' }).click();
  await expect(reader.locator('#reactie-lijst')).toContainText('Wie heeft er nog een oude glijbaan?', { timeout: 3_000 });
  await context.close();
});
