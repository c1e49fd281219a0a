import { expect, Page, Browser } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { waitForMail } from './mail';

/** Fails the test on any WCAG 2.1 A/AA violation that axe-core finds. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
  expect(summary, 'axe-core violations').toEqual([]);
}

/** Fails when the page is wider than the window (horizontal scrolling). */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'page is wider than the viewport').toBeLessThanOrEqual(0);
}

/**
 * The header as a person on this screen reaches it: on phones the navigation
 * and account links sit behind the "Menu" button, which this opens when it
 * is closed. Returns the header (the banner landmark).
 */
export async function headerMenu(page: Page) {
  return openFold(page, 'details.site-menu');
}

/** The header's search box, behind the search button on phones. */
export async function headerSearch(page: Page) {
  return openFold(page, 'details.site-search');
}

/** The writer's tools on a plan page, behind "Plan beheren". */
export async function managePlan(page: Page) {
  await openFold(page, 'details.plan-manage');
}

/** The plan list's filters, behind one "Filters" button on phones. */
export async function planFilters(page: Page) {
  await openFold(page, 'details.filters__fold');
}

export async function openFold(page: Page, selector: string) {
  const fold = page.locator(selector);
  const button = fold.locator(':scope > summary');
  if (await button.isVisible() && !(await fold.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await button.click();
  }
  return page.getByRole('banner');
}

/** A unique email per test run, so tests never collide in one database. */
export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@voorbeeld.nl`;
}

/**
 * Checks the page the way it is: with JavaScript off, axe cannot run inside
 * it, so the same URL is opened in a second page that runs scripts but has
 * Wijkplein's own JS and wasm blocked, with the same cookies. That page shows
 * exactly what a reader without JavaScript gets.
 */
export async function checkPage(page: Page) {
  if (!scriptsDisabled(page)) {
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    return;
  }
  const browser = page.context().browser()!;
  const mirror = await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true });
  await mirror.addCookies(await page.context().cookies());
  const mirrorPage = await mirror.newPage();
  await mirrorPage.route(/\/pkg\/.*\.(js|wasm)$/, route => route.abort());
  await mirrorPage.goto(page.url());
  await expectAccessible(mirrorPage);
  await expectNoHorizontalScroll(mirrorPage);
  await mirror.close();
}

const noScriptPages = new WeakSet<Page>();
function scriptsDisabled(page: Page) {
  return noScriptPages.has(page);
}

/** Marks a page as running without JavaScript (see `checkPage`). */
export function markNoScript(page: Page) {
  noScriptPages.add(page);
}

/** What the browser refused under the page's Content-Security-Policy. */
const cspViolations = new WeakMap<Page, string[]>();
function watchPolicy(page: Page) {
  if (!cspViolations.has(page)) {
    const seen: string[] = [];
    cspViolations.set(page, seen);
    page.on('console', message => {
      if (message.text().includes('Content Security Policy')) seen.push(message.text());
    });
  }
  return cspViolations.get(page)!;
}

/**
 * Opens a page and checks it for accessibility and width, and that the
 * browser refused nothing under the site's Content-Security-Policy.
 */
export async function visit(page: Page, path: string) {
  const violations = watchPolicy(page);
  const response = await page.goto(path);
  await checkPage(page);
  expect(violations, 'Content-Security-Policy violations').toEqual([]);
  return response;
}

export const PASSWORD = 'Fietsbel-Lindeboom-42';

/** Registers a new resident through the form and stays logged in. */
export async function registerAs(page: Page, name: string) {
  const email = uniqueEmail(name.split(' ')[0].toLowerCase());
  await page.goto('/registreren');
  await page.getByLabel('Je naam').fill(name);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Account maken' }).click();
  await confirmSignup(page, email);
  return email;
}

/**
 * After "Account maken": the page says to look in the inbox; the link from
 * the mail (read from the test SMTP sink) opens a page with one button that
 * makes the account and logs in.
 */
export async function confirmSignup(page: Page, email: string, lands: RegExp = /\/profiel/) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kijk in je inbox');
  const mail = await waitForMail(email, m => m.subject.includes('Bevestig je account'));
  const link = mail.body.match(/https?:\/\/\S+\/bevestigen\?code=[0-9a-f]+\S*/)?.[0];
  expect(link, mail.body).toBeTruthy();
  await page.goto(link!);
  await page.getByRole('button', { name: 'Account bevestigen' }).click();
  await expect(page).toHaveURL(lands);
}

/** A postcode area no other test run is likely to use. */
export function randomPostcode() {
  return String(1000 + Math.floor(Math.random() * 9000));
}

/** Starts a group through the form; returns its URL path. */
export async function startGroup(page: Page, name: string, opts: { postcode?: string; onRequest?: boolean } = {}) {
  await visit(page, '/groepen');
  await page.getByRole('link', { name: 'Start een groep' }).click();
  await expect(page).toHaveURL(/\/groepen\/nieuw$/);
  await page.getByLabel('Naam van de groep').fill(name);
  await page.getByLabel('Wijk of buurt').fill('Het Oude Westen');
  await page.getByLabel('Gemeente').fill('Rotterdam');
  await page.getByLabel('Postcodegebied (niet verplicht)').fill(opts.postcode ?? '');
  await page.getByLabel('Over de groep').fill('We maken samen de binnenplaatsen groener en gezelliger.');
  if (opts.onRequest) {
    await page.getByLabel('Meedoen op aanvraag').check();
    await page.getByLabel('Vraag aan nieuwe leden (niet verplicht)').fill('Wat wil je graag doen?');
  }
  await checkPage(page);
  await page.getByRole('button', { name: 'Groep starten' }).click();
  await expect(page.getByRole('status')).toContainText('Jij bent de eerste coördinator');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  return new URL(page.url()).pathname;
}

export async function newPerson(browser: Browser, name: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'nl-NL' });
  const page = await context.newPage();
  await registerAs(page, name);
  return { context, page };
}


/** Writes a plan for the group whose page is open; returns the plan's path. */
export async function writePlan(page: Page, title: string) {
  await page.getByRole('link', { name: 'Schrijf een plan' }).click();
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Korte samenvatting').fill('Een plek om samen te zitten.');
  await page.getByLabel('Het plan').fill('We zetten **twee bankjes** neer, samen met de buurt.');
  await page.getByRole('button', { name: 'Plan plaatsen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  return new URL(page.url()).pathname;
}

/** Waits until the page's live-update island is connected to its stream. */
export async function waitForLive(page: Page) {
  await expect(page.locator('.live-note[data-connected]')).toHaveCount(1, { timeout: 15_000 });
}
