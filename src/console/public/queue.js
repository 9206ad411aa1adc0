// The review queue, and the list the review page walks with j / k and after each decision.
import { api, query } from './api.js';
import { badge, go, h, KIND_LABELS, kbd, score, timeTag } from './dom.js';

const PAGE = 50;

/** The queue as last listed: the review page moves through it. */
export const queue = {
  filter: { status: 'open', kind: '', sort: 'score' },
  ids: [],
  nextCursor: null,
  /** Items decided or deferred in this session: skipped when looking for the next one. */
  handled: new Set(),
};

async function load(filter, cursor) {
  return api('GET', `/v1/reviews${query({ ...filter, cursor, limit: PAGE })}`);
}

/** The item after (step 1) or before (step -1) this one, loading more of the queue when needed. */
export async function neighbour(id, step) {
  let at = queue.ids.indexOf(id);
  if (at === -1) {
    await refresh();
    at = queue.ids.indexOf(id);
    if (at === -1) return step > 0 ? firstUnhandled(id) : undefined;
  }
  if (step < 0) return queue.ids[at - 1];
  for (let i = at + 1; ; i++) {
    if (i >= queue.ids.length) {
      if (queue.nextCursor === null) return firstUnhandled(id);
      const page = await load(queue.filter, queue.nextCursor);
      queue.ids.push(...page.items.map((item) => item.id));
      queue.nextCursor = page.nextCursor;
    }
    if (i < queue.ids.length && !queue.handled.has(queue.ids[i])) return queue.ids[i];
  }
}

/** From the top of the (re-listed) open queue: what nobody handled in this session yet. */
async function firstUnhandled(current) {
  await refresh();
  return queue.ids.find((id) => id !== current && !queue.handled.has(id));
}

async function refresh() {
  const page = await load(queue.filter);
  queue.ids = page.items.map((item) => item.id);
  queue.nextCursor = page.nextCursor;
  return page;
}

export async function renderQueue(params) {
  queue.filter = {
    status: ['open', 'decided', 'superseded'].includes(params.status) ? params.status : 'open',
    kind: ['record_match', 'customer_merge'].includes(params.kind) ? params.kind : '',
    sort: params.sort === 'age' ? 'age' : 'score',
  };
  const page = await refresh();
  const rows = page.items.map(row);
  const tbody = h('tbody', null, rows);
  const table = h(
    'table',
    { class: 'queue' },
    h('caption', { class: 'sr-only' }, 'Review items'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['Score', 'Kind', 'Customer', 'Candidate', 'Raised by', 'Opened', 'State'].map((c) =>
          h('th', { scope: 'col' }, c),
        ),
      ),
    ),
    tbody,
  );
  let selected = -1;
  const select = (index) => {
    const all = [...tbody.rows];
    if (all.length === 0) return;
    selected = Math.max(0, Math.min(all.length - 1, index));
    all.forEach((r, i) => r.classList.toggle('selected', i === selected));
    all[selected].querySelector('a').focus();
  };
  const more = h(
    'button',
    {
      type: 'button',
      hidden: page.nextCursor === null,
      onclick: async () => {
        const next = await load(queue.filter, queue.nextCursor);
        queue.ids.push(...next.items.map((item) => item.id));
        queue.nextCursor = next.nextCursor;
        tbody.append(...next.items.map(row));
        more.hidden = next.nextCursor === null;
      },
    },
    'Load more',
  );
  const node = h(
    'section',
    { class: 'page' },
    h('h1', null, 'Review queue'),
    tabs(page.counts),
    filters(page.counts),
    page.items.length === 0
      ? h(
          'p',
          { class: 'empty' },
          queue.filter.status === 'open'
            ? 'The queue is empty: nothing waits for a steward.'
            : 'No items.',
        )
      : table,
    more,
    h(
      'p',
      { class: 'hint' },
      kbd('j'),
      ' / ',
      kbd('k'),
      ' move, ',
      kbd('Enter'),
      ' opens, ',
      kbd('?'),
      ' lists every shortcut.',
    ),
  );
  const open = () => {
    if (selected >= 0) go(`#/reviews/${tbody.rows[selected].dataset.id}`);
  };
  return {
    title: 'Review queue',
    nav: 'queue',
    node,
    keys: { j: () => select(selected + 1), k: () => select(selected - 1), o: open, Enter: open },
  };
}

function tabs(counts) {
  const entries = [
    ['open', 'Open', counts.open],
    ['decided', 'Decided', counts.decided],
    ['superseded', 'Superseded', counts.superseded],
  ];
  return h(
    'nav',
    { class: 'tabs', 'aria-label': 'Review status' },
    entries.map(([status, label, count]) =>
      h(
        'a',
        {
          href: `#/queue${query({ ...queue.filter, status })}`,
          'aria-current': queue.filter.status === status ? 'page' : undefined,
        },
        label,
        ' ',
        h('span', { class: 'count' }, String(count)),
      ),
    ),
    h('span', { class: 'muted' }, `${counts.deferred} deferred`),
  );
}

function filters(counts) {
  const change = () =>
    go(`#/queue${query({ status: queue.filter.status, kind: kind.value, sort: sort.value })}`);
  const kind = h(
    'select',
    { id: 'filter-kind', onchange: change },
    h('option', { value: '' }, `All kinds (${counts.open} open)`),
    h('option', { value: 'record_match' }, `Record matches (${counts.openByKind.record_match})`),
    h(
      'option',
      { value: 'customer_merge' },
      `Merge proposals (${counts.openByKind.customer_merge})`,
    ),
  );
  kind.value = queue.filter.kind;
  const sort = h(
    'select',
    { id: 'filter-sort', onchange: change },
    h('option', { value: 'score' }, 'Highest score first'),
    h('option', { value: 'age' }, 'Oldest first'),
  );
  sort.value = queue.filter.sort;
  return h(
    'div',
    { class: 'filters' },
    h('label', { for: 'filter-kind' }, 'Kind'),
    kind,
    h('label', { for: 'filter-sort' }, 'Sort'),
    sort,
  );
}

function side(summary) {
  return h(
    'div',
    { class: 'side' },
    h('strong', null, summary.name || '(no name)'),
    h(
      'span',
      { class: 'muted' },
      [summary.birthDate, summary.phones[0]].filter(Boolean).join(' · '),
    ),
    h(
      'span',
      { class: 'number' },
      summary.currentNumber,
      summary.currentNumber !== summary.customerNumber ? ` (was ${summary.customerNumber})` : '',
    ),
  );
}

function row(item) {
  return h(
    'tr',
    { 'data-id': item.id, class: item.deferred ? 'deferred' : '' },
    h(
      'td',
      { class: 'score' },
      h(
        'a',
        {
          href: `#/reviews/${item.id}`,
          'aria-label': `Review ${item.id}, score ${score(item.score)}`,
        },
        score(item.score),
      ),
    ),
    h('td', null, KIND_LABELS[item.kind] || item.kind),
    h('td', null, side(item.customer)),
    h('td', null, side(item.candidate)),
    h(
      'td',
      { class: 'muted' },
      item.sourceRecord ? `${item.sourceRecord.source} / ${item.sourceRecord.sourceId}` : '–',
    ),
    h('td', null, timeTag(item.createdAt)),
    h(
      'td',
      null,
      item.deferred
        ? badge('Deferred', 'warn')
        : item.decision
          ? badge(item.decision)
          : badge(item.status),
    ),
  );
}
