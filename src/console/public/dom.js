// A few DOM helpers: elements are built with h(), never from HTML strings, so values coming from
// source records cannot inject markup.

/**
 * h('a', { href: '#/x', class: 'y', onclick: fn, 'aria-label': 'z' }, 'text', child, [more])
 * Props: class, text, on<event>, boolean attributes as true/false, everything else setAttribute.
 */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'value') {
      element.value = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** Navigates, re-rendering even when the hash does not change. */
export function go(hash) {
  // Busy from the moment navigation starts (the hashchange event comes later): neither a key press
  // nor a test may act on the page being left.
  document.getElementById('main')?.setAttribute('aria-busy', 'true');
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

export function kbd(key) {
  return h('kbd', null, key);
}

/** Shown in the page's live region: screen readers announce it. */
export function flash(message, kind = 'info') {
  const region = document.getElementById('flash');
  region.className = `flash flash-${kind}`;
  region.textContent = message;
  region.hidden = !message;
  clearTimeout(flash.timer);
  if (message && kind !== 'error') flash.timer = setTimeout(() => flash(''), 6000);
}

export function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function timeTag(iso) {
  return h('time', { datetime: iso, title: new Date(iso).toISOString() }, relative(iso));
}

export function relative(iso) {
  const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return formatTime(iso);
}

export function score(value) {
  return typeof value === 'number' ? value.toFixed(1) : '–';
}

export function signed(value) {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;
}

/** A golden or raw value as text: lists joined, addresses by their full form. */
export function display(value) {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.map(display).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    if ('full' in value) return String(value.full);
    if ('value' in value) return display(value.value);
    return Object.values(value).map(display).filter(Boolean).join(' ');
  }
  return String(value);
}

export function badge(text, kind = '') {
  return h('span', { class: `badge ${kind}` }, text);
}

export const KIND_LABELS = { record_match: 'Record match', customer_merge: 'Merge proposal' };

export const ACTION_LABELS = {
  created: 'Created',
  linked: 'Record linked',
  updated: 'Record updated',
  detached: 'Record detached',
  merged: 'Merged another customer in',
  merged_into: 'Merged into',
  split: 'Records split off',
  split_from: 'Records split from',
  review_opened: 'Review opened',
  review_decided: 'Review decided',
  pinned: 'Value pinned',
  unpinned: 'Value unpinned',
  deactivated: 'Deactivated',
};

export const FIELD_LABELS = {
  familyName: 'Family name',
  givenName: 'Given name',
  orgName: 'Organisation name',
  orgBranch: 'Branch',
  orgRegion: 'Organisation region',
  idVerified: 'ID number (valid)',
  idUnverified: 'ID number',
  birthDate: 'Birth date',
  gender: 'Gender',
  phone: 'Phone',
  email: 'E-mail',
  street: 'Street',
  locality: 'City / district',
  postcode: 'Postcode',
  kind: 'Person / organisation',
  nameFrequency: 'Common-name correction',
  household: 'Household cap',
};

export const ATTRIBUTE_LABELS = {
  name: 'Name',
  birthDate: 'Birth date',
  gender: 'Gender',
  idNumber: 'ID number',
  phones: 'Phones',
  emails: 'E-mails',
  address: 'Address',
  legalForm: 'Legal form',
};

export function customerLink(number) {
  return h('a', { href: `#/customers/${encodeURIComponent(number)}`, class: 'number' }, number);
}

/** The weight of one explanation line as a signed number and a small bar. */
export function weightBar(weight) {
  const bar = h('span', { class: `bar ${weight >= 0 ? 'for' : 'against'}`, 'aria-hidden': 'true' });
  // 20 bits (about the link threshold) fill 6rem.
  bar.style.setProperty('--w', `${Math.min(6, (Math.abs(weight) / 20) * 6).toFixed(2)}rem`);
  return h('span', { class: 'weight' }, h('span', { class: 'num' }, signed(weight)), bar);
}
