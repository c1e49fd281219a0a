// Wakes Wijkplein's islands. The head names no JS or wasm to preload, so the
// first paint needs only the HTML and the CSS; the JS and the wasm are fetched
// once the page has loaded and the browser is idle. Then every
// <leptos-island> wakes in document order. An island's server-rendered
// children (<leptos-children>) are connected to it before any island inside
// them wakes.
((js, wasm) => {
  const hooks = [];
  async function wake(node, mod) {
    for (const el of node.children) {
      if (el.tagName === "LEPTOS-ISLAND") {
        const island = mod[el.dataset.component];
        const hook = hooks[hooks.length - 1];
        if (hook) hook();
        if (island) await island(el);
        await wake(el, mod);
      } else if (el.tagName === "LEPTOS-CHILDREN") {
        hooks.push(el.$$on_hydrate);
        await wake(el, mod);
        hooks.pop();
      } else {
        await wake(el, mod);
      }
    }
  }
  async function start() {
    const mod = await import(js);
    await mod.default({ module_or_path: wasm });
    mod.hydrate();
    await wake(document.body, mod);
  }
  const idle = () =>
    "requestIdleCallback" in window
      ? requestIdleCallback(start, { timeout: 1500 })
      : setTimeout(start, 1);
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, { once: true });
})
