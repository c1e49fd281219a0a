// Wijkplein's service worker. The server fills in the build's version, the
// files of that build and the texts in both languages (app/src/pwa/worker.rs),
// so every build is a new version and the texts stay in the Fluent files.
//
// What it does:
// - precaches the build's CSS, JS, wasm, icons, the manifest page and the
//   offline page, each page in Dutch and in English;
// - keeps a copy of every page the person reads (at most VISITED_MAX, the
//   oldest goes first) and shows it, with its age, when the network is gone;
//   never a personal page (`no-store`), and only for the session that read
//   it: when the server names another session, the copies are dropped;
// - keeps reactions, support and signatures written offline in IndexedDB
//   ("wacht op verbinding") and sends them when the connection is back, each
//   with a key the server honours, so a retry never makes a duplicate;
// - waits with a new version until the person chooses to update.
'use strict';

const VERSION = '__VERSION__';
const FILES = __FILES__;
const TEXT = __TEXT__;
const PAGES = ['/manifest', '/offline'];
const SHELL = 'wijkplein-' + VERSION;
const VISITED = 'wijkplein-bezocht';
const VISITED_MAX = 40;
const PAGE_MAX_BYTES = 512 * 1024;
// Writes that may wait for the connection. Support and signatures are states:
// "already there" (409) means the person's wish holds, so it counts as sent.
const OUTBOX = ['/api/post_reaction', '/api/support_plan', '/api/sign_manifest'];
const STATES = ['/api/support_plan', '/api/sign_manifest'];
const LOG_OUT = '/api/log_out';
// The response header naming the session a page was made for, and where the
// worker remembers the one its kept pages belong to.
const SESSION_HEADER = 'wijkplein-sessie';
const SESSION_KEY = '/sw-sessie';
const DISCARD = '/uitgaand/weggooien';

self.addEventListener('install', (event) => event.waitUntil(precache()));

async function precache() {
  const cache = await caches.open(SHELL);
  await cache.addAll(FILES);
  for (const lang of Object.keys(TEXT)) {
    for (const path of PAGES) {
      // Without cookies: the copy is the page as anyone sees it.
      const res = await fetch(path, { credentials: 'omit', headers: { 'Wijkplein-Taal': lang } });
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      await cache.put(pageKey(path, lang), await stamped(res));
    }
  }
}

self.addEventListener('activate', (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) {
    if (name.startsWith('wijkplein-') && name !== SHELL && name !== VISITED) await caches.delete(name);
  }
  await self.clients.claim();
})()));

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  if (event.data === 'flush') event.waitUntil(flush());
  if (event.data && typeof event.data.keep === 'string') event.waitUntil(keepAgain(event.data.keep));
});

self.addEventListener('sync', (event) => {
  if (event.tag === 'outbox') event.waitUntil(flush());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method === 'POST') {
    if (OUTBOX.includes(url.pathname)) event.respondWith(sendOrKeep(req));
    else if (url.pathname === LOG_OUT) event.respondWith(logOut(req));
    else if (url.pathname === DISCARD) event.respondWith(discard(req));
    return;
  }
  if (req.method !== 'GET') return;
  if (req.mode === 'navigate') event.respondWith(navigate(req, event));
  else if (FILES.includes(url.pathname)) event.respondWith(file(req));
});

// ---- pages -------------------------------------------------------------

// The language of the last page shown from the network; lost when the
// browser stops the worker, then the newest kept page tells.
let lastLang = null;

function pageKey(path, lang) {
  return `${path}${path.includes('?') ? '&' : '?'}sw-taal=${lang}`;
}

function langOf(res) {
  const lang = (res.headers.get('content-language') || '').slice(0, 2);
  return TEXT[lang] ? lang : 'nl';
}

/** The response with the time it was stored, for "a copy from ... ago". */
async function stamped(res) {
  const headers = new Headers(res.headers);
  headers.set('sw-opgeslagen', String(Date.now()));
  return new Response(await res.blob(), { status: res.status, headers });
}

async function navigate(req, event) {
  const url = new URL(req.url);
  const path = url.pathname + url.search;
  // The outbox is read once per page, again only if something was sent.
  let items = await outbox();
  if (items.some((item) => item.state === 'waiting')) {
    await flush(false);
    items = await outbox();
  }
  let res;
  try {
    res = await fetch(req);
  } catch (offline) {
    return fromCache(path, items);
  }
  const html = (res.headers.get('content-type') || '').includes('text/html');
  if (html) lastLang = langOf(res);
  // Personal pages (a profile, notifications) say `no-store`: never kept.
  const personal = (res.headers.get('cache-control') || '').includes('no-store');
  const keepIt = res.status === 200 && html && !personal && !url.pathname.startsWith('/api/');
  if (html) {
    const copy = keepIt ? res.clone() : null;
    event.waitUntil(followSession(res.headers.get(SESSION_HEADER)).then(() => copy && keep(path, copy)));
  }
  return html && items.length ? decorate(res, { items }) : res;
}

/**
 * The kept copies belong to the session that read them (pages show the
 * reader's name). When the server names another session, or none (a log-out
 * here or on another device, an expired session), they are dropped.
 */
async function followSession(marker) {
  if (!marker) return;
  const cache = await caches.open(VISITED);
  const known = await cache.match(SESSION_KEY);
  if (known && (await known.text()) === marker) return;
  if (known) await caches.delete(VISITED);
  await (await caches.open(VISITED)).put(SESSION_KEY, new Response(marker));
}

/**
 * A page read before the worker took control: fetched again, as the person
 * sees it, and kept like any page read through the worker.
 */
async function keepAgain(path) {
  if (!path.startsWith('/') || path.startsWith('//')) return;
  let res;
  try {
    res = await fetch(path, { credentials: 'same-origin' });
  } catch (offline) {
    return;
  }
  const html = (res.headers.get('content-type') || '').includes('text/html');
  const personal = (res.headers.get('cache-control') || '').includes('no-store');
  await followSession(res.headers.get(SESSION_HEADER));
  if (res.status === 200 && html && !personal && !path.startsWith('/api/')) await keep(path, res);
}

async function keep(path, res) {
  const body = await res.blob();
  if (body.size > PAGE_MAX_BYTES) return;
  const cache = await caches.open(VISITED);
  const lang = langOf(res);
  await cache.delete(pageKey(path, lang));
  await cache.put(pageKey(path, lang), await stamped(new Response(body, res)));
  // Keys come back oldest first: drop the oldest beyond the limit.
  const keys = (await cache.keys()).filter((key) => new URL(key.url).pathname !== SESSION_KEY);
  for (const old of keys.slice(0, Math.max(0, keys.length - VISITED_MAX))) await cache.delete(old);
}

/**
 * Offline: this page in the language the person last read in (else the
 * other), the newest copy of it; else the offline page.
 */
async function fromCache(path, items) {
  const visited = await caches.open(VISITED);
  const shell = await caches.open(SHELL);
  // Dutch unless the person was reading English: TEXT's keys are in
  // alphabetical order, so without this "en" would come first.
  const last = lastLang || (await newestLang(visited)) || 'nl';
  const langs = Object.keys(TEXT).sort((a, b) => (b === last) - (a === last));
  for (const lang of langs) {
    let best = null;
    for (const cache of [visited, shell]) {
      const copy = await cache.match(pageKey(path, lang));
      if (copy && (!best || saved(copy) > saved(best))) best = copy;
    }
    if (best) return decorate(best, { items, copy: true });
  }
  const offline = await shell.match(pageKey('/offline', langs[0]));
  if (offline) return decorate(offline, { items, status: 503 });
  return new Response(TEXT[langs[0]].offline, {
    status: 503,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

/** The language of the page kept last (keys come back oldest first). */
async function newestLang(visited) {
  const keys = (await visited.keys()).filter((key) => new URL(key.url).pathname !== SESSION_KEY);
  return keys.length ? new URL(keys[keys.length - 1].url).searchParams.get('sw-taal') : null;
}

function saved(res) {
  return Number(res.headers.get('sw-opgeslagen') || 0);
}

async function file(req) {
  const hit = await caches.match(req, { cacheName: SHELL });
  return hit || fetch(req);
}

// ---- notices put into a page --------------------------------------------

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function age(ms, lang) {
  const minutes = Math.floor((Date.now() - ms) / 60000);
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (minutes < 1) return TEXT[lang].justNow;
  if (minutes < 60) return format.format(-minutes, 'minute');
  if (minutes < 48 * 60) return format.format(-Math.round(minutes / 60), 'hour');
  return format.format(-Math.round(minutes / 1440), 'day');
}

/** Puts the offline and outbox notices at the top of the page's main area. */
async function decorate(res, { items, copy = false, status }) {
  const lang = langOf(res);
  const text = TEXT[lang];
  let notes = '';
  if (copy) {
    notes += `<p class="notice offline-copy" role="status">${escape(text.copy.replace('{age}', age(saved(res), lang)))}</p>`;
  }
  for (const item of items) {
    if (item.state === 'waiting') {
      notes += `<div class="notice outbox-item" role="status"><p><strong>${escape(text.waiting)}</strong></p>`
        + (item.text ? `<p class="outbox-item__text">${escape(item.text)}</p>` : '') + '</div>';
    } else {
      notes += `<div class="notice notice--error outbox-item" role="alert"><p><strong>${escape(text.failed)}</strong> ${escape(item.reason)}</p>`
        + (item.text ? `<label for="uitgaand-${escape(item.key)}">${escape(text.yourText)}</label><textarea id="uitgaand-${escape(item.key)}" readonly rows="3">${escape(item.text)}</textarea>` : '')
        + `<form method="post" action="${DISCARD}"><input type="hidden" name="key" value="${escape(item.key)}"><button class="button button--quiet" type="submit">${escape(text.discard)}</button></form></div>`;
    }
  }
  const html = await res.text();
  const open = html.indexOf('<main');
  const at = open < 0 ? -1 : html.indexOf('>', open) + 1;
  const body = at > 0 ? html.slice(0, at) + notes + html.slice(at) : html;
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  return new Response(body, { status: status || res.status, headers });
}

// ---- the outbox -----------------------------------------------------------

function db() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('wijkplein', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'key' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function store(mode, work) {
  const conn = await db();
  return new Promise((resolve, reject) => {
    const tx = conn.transaction('outbox', mode);
    const req = work(tx.objectStore('outbox'));
    tx.oncomplete = () => resolve(req && req.result);
    tx.onerror = () => reject(tx.error);
  });
}

async function outbox() {
  const items = await store('readonly', (s) => s.getAll());
  return (items || []).sort((a, b) => a.created - b.created);
}

/** Sends a write; without a network it is kept and sent later. */
async function sendOrKeep(req) {
  const fields = new URLSearchParams(await req.clone().text());
  const path = new URL(req.url).pathname;
  if (path === '/api/post_reaction' && !fields.get('client_key')) fields.set('client_key', crypto.randomUUID());
  // A form post asks for HTML and is answered with a redirect back to the
  // page in the Referer, also after an error; a page script asks for JSON.
  const form = req.mode === 'navigate';
  const accept = req.headers.get('accept') || (form ? 'text/html' : 'application/json');
  try {
    return await fetch(req.url, {
      method: 'POST',
      body: fields,
      headers: { accept },
      credentials: 'same-origin',
      referrer: req.referrer || undefined,
      redirect: form ? 'manual' : 'follow',
    });
  } catch (offline) {
    const lang = (await outboxLang(req)) || 'nl';
    const key = fields.get('client_key') || crypto.randomUUID();
    const back = new URL(req.referrer || '/', self.location.origin);
    await store('readwrite', (s) => s.put({
      key, path, body: fields.toString(), text: fields.get('body') || '',
      back: back.pathname + back.search, lang, created: Date.now(), state: 'waiting',
    }));
    if (self.registration.sync) self.registration.sync.register('outbox').catch(() => {});
    if (form) return Response.redirect(back.pathname + back.search, 303);
    // A page script posting with fetch shows this message as the error.
    return new Response(JSON.stringify({ Transport: TEXT[lang].waiting }), {
      status: 503,
      headers: { 'content-type': 'application/json' },
    });
  }
}

async function outboxLang(req) {
  const visited = await caches.open(VISITED);
  const back = new URL(req.referrer || '/', self.location.origin);
  for (const lang of Object.keys(TEXT)) {
    if (await visited.match(pageKey(back.pathname + back.search, lang))) return lang;
  }
  return null;
}

let flushing = null;

/**
 * Sends what waits, oldest first; stops at the first network failure. Then
 * reloads the open pages the writes came from, unless a page is about to be
 * loaded anyway (`reload` false).
 */
function flush(reload = true) {
  flushing = flushing || sendWaiting().finally(() => { flushing = null; });
  return flushing.then((done) => (reload ? reloadPages(done) : undefined));
}

async function sendWaiting() {
  const done = new Set();
  for (const item of await outbox()) {
    if (item.state !== 'waiting') continue;
    let res;
    try {
      res = await fetch(item.path, {
        method: 'POST',
        body: new URLSearchParams(item.body),
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
        referrer: item.back,
      });
    } catch (offline) {
      break;
    }
    if (res.ok || (res.status === 409 && STATES.includes(item.path))) {
      await store('readwrite', (s) => s.delete(item.key));
    } else if (res.status >= 400 && res.status < 500) {
      item.state = 'failed';
      item.reason = reason(await res.text(), TEXT[item.lang] || TEXT.nl);
      await store('readwrite', (s) => s.put(item));
    } else {
      break;
    }
    done.add(item.back);
  }
  return done;
}

async function reloadPages(done) {
  if (done.size === 0) return;
  for (const client of await self.clients.matchAll({ type: 'window' })) {
    const url = new URL(client.url);
    if (done.has(url.pathname + url.search)) client.navigate(client.url).catch(() => {});
  }
}

/** The server's message from its JSON error (AppError), else a general one. */
function reason(body, text) {
  try {
    const error = JSON.parse(body);
    const value = typeof error === 'string' ? error : Object.values(error)[0];
    if (typeof value === 'string') return value;
    if (value && value.fields && value.fields.length) return value.fields.map((f) => f.message).join(' ');
    if (value && value.summary) return value.summary;
  } catch (notJson) {
    // fall through
  }
  return text.unknown;
}

async function discard(req) {
  const fields = new URLSearchParams(await req.text());
  const key = fields.get('key') || '';
  await store('readwrite', (s) => s.delete(key));
  const back = new URL(req.referrer || '/', self.location.origin);
  return Response.redirect(back.pathname + back.search, 303);
}

/** After logging out, this device keeps no copies of personal pages. */
async function logOut(req) {
  const res = await fetch(req);
  await caches.delete(VISITED);
  return res;
}
