// DOM building without innerHTML: every piece of text goes through textContent (text nodes), so
// names, chat messages and server sentences can never become markup.

/**
 * h('button', {class: 'primary', onclick: fn, 'aria-label': 'Vote'}, 'Approve')
 * Attributes: `class`, `dataset` (object), `on<event>` (listeners), boolean values (true → present),
 * null/undefined/false (absent), anything else via setAttribute. Children: nodes, strings, numbers,
 * arrays (flattened), null/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value' && 'value' in el) el.value = value;
    else if (key === 'checked' || key === 'disabled' || key === 'selected') el[key] = Boolean(value);
    else el.setAttribute(key === 'className' ? 'class' : key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces the content of `el` with `children`. */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/**
 * Re-renders `el` with `build()` while keeping keyboard focus: the focused element's `data-key`
 * is looked up again in the new content (a frame arriving must not throw the user out of a form).
 */
export function rerender(el, build) {
  const active = document.activeElement;
  const key = active && el.contains(active) ? active.dataset?.key : null;
  const scrolls = [...el.querySelectorAll('[data-scroll-key]')].map((n) => [n.dataset.scrollKey, n.scrollTop]);
  fill(el, build());
  for (const [scrollKey, top] of scrolls) {
    const node = el.querySelector(`[data-scroll-key="${CSS.escape(scrollKey)}"]`);
    if (node) node.scrollTop = top;
  }
  if (key) el.querySelector(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

/** "3 s", "1 min 5 s" — for countdowns. */
export function duration(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function time(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
