// Customer search: by name, phone, e-mail or ID number (normalised like records are), or by number.
import { api, query } from './api.js';
import { badge, go, h } from './dom.js';

const SEARCH_FIELDS = [
  ['name', 'Name'],
  ['phone', 'Phone'],
  ['email', 'E-mail'],
  ['idNumber', 'ID number'],
];

export async function renderSearch(params) {
  const inputs = SEARCH_FIELDS.map(([name, label], i) => {
    const input = h('input', {
      id: `search-${name}`,
      name,
      type: 'search',
      value: params[name] || '',
      autocomplete: 'off',
      'data-autofocus': i === 0 && !hasSearch(params) ? true : undefined,
    });
    return [h('label', { for: `search-${name}` }, label), input];
  });
  const form = h(
    'form',
    {
      class: 'search',
      role: 'search',
      onsubmit: (event) => {
        event.preventDefault();
        const data = Object.fromEntries(new FormData(event.target));
        go(`#/customers${query(data)}`);
      },
    },
    h('div', { class: 'fields' }, inputs),
    h('button', { type: 'submit', class: 'primary' }, 'Search'),
  );
  const numberInput = h('input', {
    id: 'open-number',
    name: 'number',
    autocomplete: 'off',
    placeholder: 'e.g. 1110000000013',
  });
  const byNumber = h(
    'form',
    {
      class: 'inline',
      onsubmit: (event) => {
        event.preventDefault();
        if (numberInput.value.trim())
          go(`#/customers/${encodeURIComponent(numberInput.value.trim())}`);
      },
    },
    h('label', { for: 'open-number' }, 'Open by customer number'),
    numberInput,
    h('button', { type: 'submit' }, 'Open'),
  );
  let results = null;
  if (hasSearch(params)) {
    const page = await api('GET', `/v1/customers${query({ ...pick(params), limit: 50 })}`);
    results =
      page.items.length === 0
        ? h('p', { class: 'empty' }, 'No customer matches.')
        : h(
            'table',
            { class: 'results' },
            h('caption', { class: 'sr-only' }, 'Matching customers'),
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                ['Customer number', 'Name', 'Kind', 'Status', 'Phones', 'Records'].map((c) =>
                  h('th', { scope: 'col' }, c),
                ),
              ),
            ),
            h(
              'tbody',
              null,
              page.items.map((c, i) =>
                h(
                  'tr',
                  null,
                  h(
                    'td',
                    null,
                    h(
                      'a',
                      {
                        href: `#/customers/${encodeURIComponent(c.customerNumber)}`,
                        class: 'number',
                        'data-autofocus': i === 0 ? true : undefined,
                      },
                      c.customerNumber,
                    ),
                  ),
                  h('td', null, c.name || '—'),
                  h('td', null, c.kind),
                  h('td', null, badge(c.status)),
                  h('td', null, c.phones.join(', ')),
                  h('td', null, String(c.sourceRecordCount)),
                ),
              ),
            ),
          );
  }
  const node = h(
    'section',
    { class: 'page' },
    h('h1', null, 'Customers'),
    h('div', { class: 'panel' }, form, byNumber),
    results,
  );
  return {
    title: 'Customers',
    nav: 'customers',
    node,
    keys: { '/': () => document.getElementById('search-name').focus() },
  };
}

function hasSearch(params) {
  return SEARCH_FIELDS.some(([name]) => params[name]);
}

function pick(params) {
  return Object.fromEntries(SEARCH_FIELDS.map(([name]) => [name, params[name]]));
}
