// The customer page: golden values with their sources, source records (split), merge and pins,
// beside the history timeline.
import { api, ApiError } from './api.js';
import { ATTRIBUTE_LABELS, badge, display, flash, go, h, score, timeTag } from './dom.js';
import { timeline } from './history.js';

const PINNABLE = ['name', 'orgName', 'birthDate', 'gender', 'idNumber', 'address'];

export async function renderCustomer(number) {
  const [customer, history] = await Promise.all([
    api('GET', `/v1/customers/${encodeURIComponent(number)}`),
    api('GET', `/v1/customers/${encodeURIComponent(number)}/history?limit=50`),
  ]);
  const reload = () => go(`#/customers/${encodeURIComponent(customer.customerNumber)}`);
  const node = h(
    'article',
    { class: 'page customer', 'aria-labelledby': 'customer-title' },
    h(
      'header',
      null,
      h(
        'h1',
        { id: 'customer-title', tabindex: '-1', 'data-autofocus': true },
        'Customer ',
        h('span', { class: 'number' }, customer.customerNumber),
        ' ',
        badge(customer.status),
        ' ',
        h('small', null, customer.kind),
      ),
      customer.requestedNumber
        ? h(
            'p',
            { class: 'notice' },
            `Number ${customer.requestedNumber} was merged into this customer; it redirects here.`,
          )
        : null,
    ),
    h(
      'div',
      { class: 'columns wide-left' },
      h(
        'div',
        null,
        golden(customer, reload),
        sourceRecords(customer, reload),
        actions(customer, reload),
      ),
      timeline(customer, history),
    ),
  );
  return { title: `Customer ${customer.customerNumber}`, nav: 'customers', node };
}

function golden(customer, reload) {
  const names = [
    ...new Set([...Object.keys(ATTRIBUTE_LABELS), ...Object.keys(customer.golden)]),
  ].filter((n) => customer.golden[n] !== undefined);
  const rows = names.map((name) => {
    const values = Array.isArray(customer.golden[name])
      ? customer.golden[name]
      : [customer.golden[name]];
    const pin = customer.pins[name];
    return h(
      'tr',
      { class: pin ? 'pinned' : '' },
      h('th', { scope: 'row' }, ATTRIBUTE_LABELS[name] || name),
      h(
        'td',
        null,
        values.map((v) => h('div', null, display(v.value))),
      ),
      h(
        'td',
        null,
        values.map((v) => h('div', { class: 'muted' }, v.rule)),
      ),
      h(
        'td',
        null,
        values.map((v) =>
          h(
            'div',
            null,
            v.source
              ? h('code', null, `${v.source.source} / ${v.source.sourceId}`)
              : pin
                ? `pinned by ${pin.pinnedBy}: “${pin.reason}”`
                : '—',
          ),
        ),
      ),
      h(
        'td',
        null,
        pin
          ? h(
              'button',
              { type: 'button', class: 'small', onclick: () => void unpin(customer, name, reload) },
              'Unpin',
            )
          : PINNABLE.includes(name)
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'small',
                  onclick: () => preparePin(name, display(values[0].value)),
                },
                'Pin…',
              )
            : null,
      ),
    );
  });
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'golden-title' },
    h('h2', { id: 'golden-title' }, 'Golden record'),
    rows.length === 0
      ? h('p', { class: 'empty' }, 'No values (no active source records).')
      : h(
          'table',
          { class: 'golden' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Attribute', 'Value', 'Chosen by', 'From', ''].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h('tbody', null, rows),
        ),
  );
}

function sourceRecords(customer, reload) {
  const boxes = [];
  const reason = h('input', {
    id: 'split-reason',
    name: 'reason',
    maxlength: '500',
    placeholder: 'Why (kept in history)',
  });
  const button = h('button', { type: 'submit', disabled: true }, 'Split selected off');
  const activeCount = customer.sourceRecords.filter((r) => r.status === 'active').length;
  const update = () => {
    const chosen = boxes.filter((b) => b.checked).length;
    button.disabled = chosen === 0 || chosen >= activeCount;
    button.textContent =
      chosen >= activeCount && chosen > 0
        ? 'At least one record must stay'
        : `Split selected off${chosen ? ` (${chosen})` : ''}`;
  };
  const rows = customer.sourceRecords.map((r) => {
    const box = h('input', {
      type: 'checkbox',
      'aria-label': `Select ${r.source} / ${r.sourceId}`,
      disabled: r.status !== 'active',
      onchange: update,
    });
    box.dataset.source = r.source;
    box.dataset.sourceId = r.sourceId;
    if (r.status === 'active') boxes.push(box);
    return h(
      'tr',
      { class: r.status === 'active' ? '' : 'deleted' },
      h('td', null, box),
      h(
        'td',
        null,
        h('code', null, `${r.source} / ${r.sourceId}`),
        r.status === 'active' ? null : [' ', badge('deleted')],
      ),
      h(
        'td',
        null,
        display(
          r.record.name || [r.record.familyName, r.record.givenName].filter(Boolean).join(' '),
        ),
      ),
      h('td', null, display(r.record.phones)),
      h('td', null, display(r.record.emails)),
      h('td', null, display(r.record.birthDate)),
      h(
        'td',
        null,
        r.link
          ? `${r.link.decision}${typeof r.link.score === 'number' ? ` (${score(r.link.score)})` : ''} · ${r.link.actor}`
          : '',
      ),
      h('td', null, timeTag(r.updatedAt)),
    );
  });
  const form = h(
    'form',
    {
      class: 'inline',
      onsubmit: async (event) => {
        event.preventDefault();
        const chosen = boxes
          .filter((b) => b.checked)
          .map((b) => ({ source: b.dataset.source, sourceId: b.dataset.sourceId }));
        await act(async () => {
          const result = await api(
            'POST',
            `/v1/customers/${encodeURIComponent(customer.customerNumber)}/split`,
            { sourceRecords: chosen, reason: reason.value.trim() || undefined },
          );
          const to = result.splitOff
            .map((s) => `${s.customerNumber}${s.restored ? ' (restored)' : ' (new)'}`)
            .join(', ');
          flash(`Split off ${chosen.length} record(s) to ${to}.`);
          reload();
        });
      },
    },
    h('label', { for: 'split-reason' }, 'Reason'),
    reason,
    button,
  );
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'records-title' },
    h('h2', { id: 'records-title' }, 'Source records'),
    h(
      'table',
      { class: 'records' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['', 'Record', 'Name', 'Phones', 'E-mails', 'Birth date', 'Linked by', 'Updated'].map(
            (c) => h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h('tbody', null, rows),
    ),
    form,
  );
}

function actions(customer, reload) {
  const other = h('input', {
    id: 'merge-other',
    name: 'other',
    required: true,
    autocomplete: 'off',
    placeholder: 'Customer number',
  });
  const mergeReason = h('input', {
    id: 'merge-reason',
    name: 'reason',
    maxlength: '500',
    placeholder: 'Why',
  });
  const merge = h(
    'form',
    {
      class: 'inline',
      onsubmit: async (event) => {
        event.preventDefault();
        await act(async () => {
          const result = await api(
            'POST',
            `/v1/customers/${encodeURIComponent(customer.customerNumber)}/merge`,
            { other: other.value.trim(), reason: mergeReason.value.trim() || undefined },
          );
          flash(`Merged ${result.merged} into ${result.survivor}.`);
          go(`#/customers/${encodeURIComponent(result.survivor)}`);
        });
      },
    },
    h('label', { for: 'merge-other' }, 'Merge with'),
    other,
    h('label', { for: 'merge-reason', class: 'sr-only' }, 'Merge reason'),
    mergeReason,
    h('button', { type: 'submit' }, 'Merge'),
  );
  const attribute = h('input', {
    id: 'pin-attribute',
    name: 'attribute',
    required: true,
    list: 'pin-attributes',
    autocomplete: 'off',
  });
  const value = h('input', { id: 'pin-value', name: 'value', required: true, autocomplete: 'off' });
  const reason = h('input', {
    id: 'pin-reason',
    name: 'reason',
    required: true,
    maxlength: '500',
    placeholder: 'Why (required)',
  });
  const pin = h(
    'form',
    {
      class: 'inline pin',
      onsubmit: async (event) => {
        event.preventDefault();
        await act(async () => {
          await api(
            'PUT',
            `/v1/customers/${encodeURIComponent(customer.customerNumber)}/attributes/${encodeURIComponent(attribute.value.trim())}`,
            { value: value.value, reason: reason.value.trim() },
          );
          flash(`Pinned ${attribute.value}.`);
          reload();
        });
      },
    },
    h('label', { for: 'pin-attribute' }, 'Pin'),
    attribute,
    h(
      'datalist',
      { id: 'pin-attributes' },
      PINNABLE.map((n) => h('option', { value: n }, ATTRIBUTE_LABELS[n])),
    ),
    h('label', { for: 'pin-value' }, 'to'),
    value,
    h('label', { for: 'pin-reason', class: 'sr-only' }, 'Pin reason'),
    reason,
    h('button', { type: 'submit' }, 'Pin'),
  );
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title' }, 'Steward actions'),
    merge,
    pin,
  );
}

function preparePin(name, value) {
  document.getElementById('pin-attribute').value = name;
  const input = document.getElementById('pin-value');
  input.value = value;
  document.getElementById('pin-reason').focus();
}

async function unpin(customer, name, reload) {
  await act(async () => {
    await api(
      'DELETE',
      `/v1/customers/${encodeURIComponent(customer.customerNumber)}/attributes/${encodeURIComponent(name)}`,
      { reason: 'unpinned in the console' },
    );
    flash(`Unpinned ${name}.`);
    reload();
  });
}

async function act(work) {
  try {
    await work();
  } catch (error) {
    const fields =
      error instanceof ApiError && error.errors.length
        ? `: ${error.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`
        : '';
    flash(
      `${error.message}${error instanceof ApiError ? ` (${error.code})` : ''}${fields}`,
      'error',
    );
  }
}
