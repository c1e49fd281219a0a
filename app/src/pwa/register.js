// Wijkplein's registration script, loaded by every page once it has loaded
// (see pwa::LOAD_SCRIPT). It registers the service worker, has it keep the
// page read before it took control, offers an update when a new version
// waits (the server fills in the texts in both languages), and asks the
// worker to send what was written offline as soon as the connection is back.
(() => {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  const TEXT = __TEXT__;
  const text = TEXT[document.documentElement.lang] || TEXT.nl;
  // Only a page that a worker already served can be offered a newer one.
  const controlled = sw.controller;
  // The pages read before a worker served them (noted by pwa::LOAD_SCRIPT)
  // are not kept yet: once the worker is active, it fetches them again.
  sw.ready.then((reg) => {
    let read = [];
    try {
      read = JSON.parse(localStorage.wpRead || '[]');
      localStorage.removeItem('wpRead');
    } catch (e) { /* no storage: nothing was noted */ }
    for (const path of read) reg.active && reg.active.postMessage({ keep: path });
  });
  sw.register('/sw.js').then((reg) => {
    const offer = () => {
      if (!reg.waiting || !controlled || document.getElementById('nieuwe-versie')) return;
      const form = document.createElement('form');
      form.id = 'nieuwe-versie';
      form.className = 'update-notice';
      form.setAttribute('role', 'status');
      // Styled here: pages without a worker (every first visit) never need it.
      form.style.cssText = 'position:fixed;inset:auto var(--space-3) var(--space-3);z-index:20;max-width:32rem;'
        + 'margin:0 auto;display:flex;flex-wrap:wrap;align-items:center;gap:var(--space-3);'
        + 'padding:var(--space-3) var(--space-4);background:var(--color-surface);border:1px solid var(--color-border);'
        + 'border-radius:var(--radius);box-shadow:var(--shadow)';
      const note = document.createElement('p');
      note.textContent = text.available;
      note.style.margin = '0';
      const button = document.createElement('button');
      button.className = 'button button--primary';
      button.type = 'submit';
      button.textContent = text.update;
      form.append(note, button);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (reg.waiting) reg.waiting.postMessage('skip-waiting');
      });
      document.body.append(form);
    };
    offer();
    reg.addEventListener('updatefound', () => {
      if (reg.installing) reg.installing.addEventListener('statechange', offer);
    });
  });
  // The new version took over: show the page as it now is.
  sw.addEventListener('controllerchange', () => { if (controlled) location.reload(); });
  addEventListener('online', () => { if (sw.controller) sw.controller.postMessage('flush'); });
})();
