// The steward console: a hash router over a handful of pages, keyboard shortcuts, and sign-in
// with an API key (steward or admin). No framework, no build step, nothing from other origins.
import { api, ApiError, clearKey, getKey, setKey } from './api.js';
import { flash, go, h } from './dom.js';
import { renderQueue } from './queue.js';
import { renderReview } from './review.js';
import { renderCustomer } from './customer.js';
import { renderSearch } from './search.js';

const main = document.getElementById('main');
let generation = 0;
let pageKeys = {};

const routes = [
  [/^#\/signin$/, () => renderSignIn()],
  [/^#\/queue(?:\?(.*))?$/, (m) => renderQueue(params(m[1]))],
  [/^#\/reviews\/(\d+)$/, (m) => renderReview(m[1])],
  [/^#\/customers(?:\?(.*))?$/, (m) => renderSearch(params(m[1]))],
  [/^#\/customers\/([^/?]+)$/, (m) => renderCustomer(decodeURIComponent(m[1]))],
];

function params(text) {
  return Object.fromEntries(new URLSearchParams(text || ''));
}

async function route() {
  const current = ++generation;
  const hash = location.hash || '#/queue';
  const signedIn = Boolean(getKey());
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('signout').hidden = !signedIn;
  if (!signedIn && hash !== '#/signin') {
    location.replace('#/signin');
    return;
  }
  const match = routes.map(([re, render]) => [re.exec(hash), render]).find(([m]) => m !== null);
  if (match === undefined) {
    location.replace('#/queue');
    return;
  }
  main.setAttribute('aria-busy', 'true');
  try {
    const page = await match[1](match[0]);
    if (current !== generation) return;
    show(page);
  } catch (error) {
    if (current !== generation) return;
    showError(error);
  } finally {
    if (current === generation) main.removeAttribute('aria-busy');
  }
}

function show(page) {
  document.title = `${page.title} · Customer MDM`;
  pageKeys = page.keys || {};
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === page.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  main.replaceChildren(page.node);
  const focus = page.node.querySelector('[data-autofocus]');
  (focus || main).focus({ preventScroll: focus === null });
}

function showError(error) {
  if (error instanceof ApiError && error.status === 401) {
    clearKey();
    flash('Your API key was not accepted any more. Sign in again.', 'error');
    location.replace('#/signin');
    return;
  }
  const text =
    error instanceof ApiError ? `${error.message} (${error.code || error.status})` : String(error);
  show({
    title: 'Error',
    node: h(
      'section',
      { class: 'panel error' },
      h('h1', null, 'Something went wrong'),
      h('p', null, text),
    ),
  });
}

function renderSignIn() {
  const input = h('input', {
    id: 'api-key',
    name: 'apiKey',
    type: 'password',
    autocomplete: 'off',
    required: true,
    spellcheck: 'false',
    'data-autofocus': true,
  });
  const message = h('p', { class: 'form-error', role: 'alert' });
  const form = h(
    'form',
    { class: 'panel signin', onsubmit: (event) => void signIn(event, input, message) },
    h('h1', null, 'Sign in'),
    h(
      'p',
      null,
      'Use a steward or admin API key. It is kept in this tab only, and sent with every request the console makes.',
    ),
    h('label', { for: 'api-key' }, 'API key'),
    input,
    message,
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
  );
  return { title: 'Sign in', node: form };
}

async function signIn(event, input, message) {
  event.preventDefault();
  message.textContent = '';
  const key = input.value.trim();
  try {
    await api('GET', '/v1/reviews?limit=1', undefined, key);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401)
      message.textContent = 'This key is not valid.';
    else if (error instanceof ApiError && error.status === 403)
      message.textContent = 'This key is not a steward or admin key.';
    else message.textContent = `Could not sign in: ${error.message}`;
    input.focus();
    return;
  }
  setKey(key);
  flash('Signed in.');
  go('#/queue');
}

function typing(target) {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const help = document.getElementById('help');
  if (typing(event.target)) {
    if (event.key === 'Escape') event.target.blur();
    return;
  }
  if (help.open) return;
  // While a page loads, its keys would act on the page being left (a decision on the wrong item).
  if (main.hasAttribute('aria-busy')) return;
  // Enter and Space keep their meaning on links and buttons.
  const control =
    event.target instanceof HTMLElement &&
    ['A', 'BUTTON', 'SUMMARY'].includes(event.target.tagName);
  if (
    control &&
    (event.key === 'Enter' || event.key === ' ') &&
    !event.target.closest('table.queue')
  )
    return;
  if (event.key === '?') {
    help.showModal();
  } else if (!getKey()) {
    return;
  } else if (pageKeys[event.key]) {
    pageKeys[event.key](event);
  } else if (event.key === 'q') {
    go('#/queue');
  } else if (event.key === '/') {
    go('#/customers');
  } else {
    return;
  }
  event.preventDefault();
});

document
  .getElementById('help-button')
  .addEventListener('click', () => document.getElementById('help').showModal());
document.getElementById('signout').addEventListener('click', () => {
  clearKey();
  flash('Signed out.');
  go('#/signin');
});
window.addEventListener('hashchange', () => void route());
void route();
