// One review item: both sides side by side with differences marked, the engine's evidence per
// field, and one-key decisions that move on to the next item.
import { api, ApiError } from './api.js';
import {
  ATTRIBUTE_LABELS,
  badge,
  customerLink,
  display,
  FIELD_LABELS,
  flash,
  formatTime,
  go,
  h,
  KIND_LABELS,
  kbd,
  score,
  weightBar,
} from './dom.js';
import { neighbour, queue } from './queue.js';

const ATTRIBUTES = [
  'name',
  'orgName',
  'birthDate',
  'gender',
  'idNumber',
  'phones',
  'emails',
  'address',
];

const DECISIONS = [
  { decision: 'merge', key: 'm', label: 'Merge', help: 'The two are one customer' },
  { decision: 'link', key: 'l', label: 'Link record', help: 'Move the record to the candidate' },
  {
    decision: 'not-duplicate',
    key: 'n',
    label: 'Not duplicate',
    help: 'Remember: different customers',
  },
  { decision: 'defer', key: 'd', label: 'Defer', help: 'Decide later' },
];

export async function renderReview(id) {
  const item = await api('GET', `/v1/reviews/${id}`);
  const open = item.status === 'open';
  const comment = h('textarea', {
    id: 'comment',
    rows: '2',
    maxlength: '1000',
    placeholder: 'Why (optional, kept in history)',
    disabled: !open,
  });
  let busy = false;
  const decide = async (decision) => {
    if (busy || !open) return;
    if (decision === 'link' && item.kind !== 'record_match') return;
    busy = true;
    try {
      const result = await api('POST', `/v1/reviews/${id}/decision`, {
        decision,
        comment: comment.value.trim() || undefined,
      });
      queue.handled.add(id);
      flash(
        `Review ${id}: ${decision}${decision === 'defer' ? '' : ` → ${result.customerNumbers.join(', ')}`}.`,
      );
      const next = await neighbour(id, 1);
      go(next ? `#/reviews/${next}` : '#/queue');
    } catch (error) {
      busy = false;
      flash(
        error instanceof ApiError ? `${error.message} (${error.code})` : String(error),
        'error',
      );
      if (error instanceof ApiError && error.status === 409) go(`#/reviews/${id}`);
    }
  };
  const move = async (step) => {
    const target = await neighbour(id, step);
    if (target) go(`#/reviews/${target}`);
    else flash(step > 0 ? 'This is the last item.' : 'This is the first item.');
  };
  const keys = {
    j: () => void move(1),
    k: () => void move(-1),
    u: () => go(`#/queue${queueQuery()}`),
    Escape: () => go(`#/queue${queueQuery()}`),
    c: () => comment.focus(),
  };
  for (const d of DECISIONS) keys[d.key] = () => void decide(d.decision);

  const labels =
    item.kind === 'record_match' ? ['Record landed on', 'Candidate'] : ['Customer A', 'Customer B'];
  const node = h(
    'article',
    { class: 'page review', 'aria-labelledby': 'review-title' },
    header(item),
    decisionBar(item, open, comment, decide),
    h('div', { class: 'columns' }, comparison(item, labels), evidence(item)),
    h(
      'div',
      { class: 'columns' },
      records(item.customer, labels[0]),
      records(item.candidate, labels[1]),
    ),
  );
  return { title: `Review ${id}`, nav: 'queue', node, keys };
}

function queueQuery() {
  const { status, kind, sort } = queue.filter;
  const params = new URLSearchParams(Object.entries({ status, kind, sort }).filter(([, v]) => v));
  return params.toString() ? `?${params}` : '';
}

function header(item) {
  const { lower, upper } = item.thresholds;
  const meter = h('meter', {
    min: String(lower - 10),
    max: String(upper + 10),
    low: String(lower),
    high: String(upper),
    optimum: String(upper + 10),
    value: String(item.score),
    'aria-label': 'Score between the thresholds',
  });
  return h(
    'header',
    { class: 'review-header' },
    h(
      'h1',
      { id: 'review-title', tabindex: '-1', 'data-autofocus': true },
      `Review ${item.id} `,
      h('small', null, KIND_LABELS[item.kind] || item.kind),
    ),
    h(
      'p',
      { class: 'meta' },
      h('span', { class: 'score-big' }, `Score ${score(item.score)}`),
      meter,
      h('span', { class: 'muted' }, `review from ${lower}, auto-link from ${upper}`),
      ' · opened ',
      formatTime(item.createdAt),
      item.sourceRecord
        ? [
            ' · raised by record ',
            h('code', null, `${item.sourceRecord.source} / ${item.sourceRecord.sourceId}`),
          ]
        : null,
    ),
  );
}

function decisionBar(item, open, comment, decide) {
  const buttons = DECISIONS.map((d) =>
    h(
      'button',
      {
        type: 'button',
        class: `decision decision-${d.decision}`,
        'data-decision': d.decision,
        title: d.help,
        'aria-keyshortcuts': d.key,
        disabled: !open || (d.decision === 'link' && item.kind !== 'record_match'),
        onclick: () => void decide(d.decision),
      },
      kbd(d.key.toUpperCase()),
      ' ',
      d.label,
    ),
  );
  const state = open
    ? item.deferred
      ? h(
          'p',
          { class: 'state warn' },
          `Deferred by ${item.decidedBy} ${formatTime(item.decidedAt)}`,
          item.comment ? `: “${item.comment}”` : '',
        )
      : null
    : h(
        'p',
        { class: 'state' },
        badge(item.status),
        ' ',
        item.decision
          ? `${item.decision} by ${item.decidedBy} ${formatTime(item.decidedAt)}`
          : 'answered by a merge',
        item.comment ? `: “${item.comment}”` : '',
      );
  return h(
    'section',
    { class: 'decision-bar', 'aria-label': 'Decision' },
    h('div', { class: 'buttons' }, buttons),
    h('label', { for: 'comment', class: 'sr-only' }, 'Comment'),
    comment,
    h(
      'p',
      { class: 'hint' },
      kbd('c'),
      ' comment · ',
      kbd('j'),
      ' next · ',
      kbd('k'),
      ' previous · ',
      kbd('u'),
      ' queue',
    ),
    state,
  );
}

/** Golden values of both sides, row by row; rows that differ are marked. */
function comparison(item, labels) {
  const a = item.customer;
  const b = item.candidate;
  const names = [
    ...new Set([...ATTRIBUTES, ...Object.keys(a.golden), ...Object.keys(b.golden)]),
  ].filter((name) => a.golden[name] !== undefined || b.golden[name] !== undefined);
  const rows = names.map((name) => {
    const left = display(a.golden[name]);
    const right = display(b.golden[name]);
    const state =
      !left || !right ? 'one-sided' : normalise(left) === normalise(right) ? 'same' : 'differs';
    const mark = { same: '=', differs: '≠', 'one-sided': '–' }[state];
    return h(
      'tr',
      { class: state },
      h('th', { scope: 'row' }, ATTRIBUTE_LABELS[name] || name),
      h('td', null, cell(a.golden[name])),
      h(
        'td',
        { class: 'mark', 'aria-label': state === 'one-sided' ? 'only one side' : state },
        mark,
      ),
      h('td', null, cell(b.golden[name])),
    );
  });
  rows.push(
    h(
      'tr',
      null,
      h('th', { scope: 'row' }, 'Source records'),
      h('td', null, String(a.sourceRecords.filter(active).length)),
      h('td', { class: 'mark' }),
      h('td', null, String(b.sourceRecords.filter(active).length)),
    ),
  );
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'sides-title' },
    h('h2', { id: 'sides-title' }, 'Both sides'),
    h(
      'table',
      { class: 'compare' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Attribute'),
          h('th', { scope: 'col' }, labels[0], h('br'), sideNumber(a)),
          h('th', { scope: 'col', class: 'mark' }, h('span', { class: 'sr-only' }, 'Same?')),
          h('th', { scope: 'col' }, labels[1], h('br'), sideNumber(b)),
        ),
      ),
      h('tbody', null, rows),
    ),
  );
}

function sideNumber(view) {
  return h(
    'span',
    null,
    customerLink(view.customerNumber),
    view.requestedNumber ? h('small', null, ` (was ${view.requestedNumber})`) : null,
    ' ',
    badge(view.status),
  );
}

function cell(value) {
  if (value === undefined) return h('span', { class: 'muted' }, '—');
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) =>
    h(
      'div',
      null,
      display(v.value),
      v.rule === 'pinned' ? [' ', badge('pinned', 'info')] : null,
      v.source ? h('small', { class: 'lineage' }, ` ${v.source.source}`) : null,
    ),
  );
}

function normalise(text) {
  return text.replace(/\s+/g, '').toLowerCase();
}

function active(record) {
  return record.status === 'active';
}

/** The engine's evidence: each field's comparison level, weight and the (masked) values compared. */
function evidence(item) {
  const current = item.explanation.current;
  const lines = current ? current.explanation : item.explanation.atOpen || [];
  const total = current ? current.score : item.score;
  const rows = lines.map((line) =>
    h(
      'tr',
      { class: line.weight >= 0 ? 'for' : 'against' },
      h(
        'th',
        { scope: 'row' },
        FIELD_LABELS[line.field] || line.field,
        line.swapped ? h('small', null, ' (swapped)') : null,
      ),
      h('td', null, h('span', { class: `level level-${line.level}` }, line.level)),
      h('td', null, weightBar(line.weight)),
      h(
        'td',
        { class: 'values' },
        line.values
          ? [
              h('span', null, line.values[0] || '—'),
              h('span', { class: 'vs' }, ' ↔ '),
              h('span', null, line.values[1] || '—'),
            ]
          : h('span', { class: 'muted' }, 'not shown'),
      ),
    ),
  );
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'evidence-title' },
    h('h2', { id: 'evidence-title' }, 'Evidence'),
    current
      ? h(
          'p',
          { class: 'muted' },
          'Re-scored now: record ',
          h('code', null, `${current.compared.source} / ${current.compared.sourceId}`),
          ' against customer ',
          current.compared.against,
          current.rule ? ` · rule ${current.rule}` : '',
          '. Values are masked.',
        )
      : h(
          'p',
          { class: 'muted' },
          'The two sides are one customer now; this is the evidence as the engine saw it.',
        ),
    h(
      'table',
      { class: 'evidence' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Field', 'Level', 'Weight (bits)', 'Values compared'].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h('tbody', null, rows),
      h(
        'tfoot',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, 'Score'),
          h('td'),
          h('td', null, h('strong', null, score(total))),
          h('td'),
        ),
      ),
    ),
  );
}

function records(view, label) {
  const rows = view.sourceRecords.map((r) =>
    h(
      'tr',
      { class: r.status === 'active' ? '' : 'deleted' },
      h('td', null, h('code', null, `${r.source} / ${r.sourceId}`)),
      h(
        'td',
        null,
        display(
          r.record.name || [r.record.familyName, r.record.givenName].filter(Boolean).join(' '),
        ),
      ),
      h('td', null, display(r.record.phones)),
      h('td', null, display(r.record.birthDate)),
      h('td', null, display(r.record.address)),
      h(
        'td',
        null,
        r.link
          ? `${r.link.decision}${typeof r.link.score === 'number' ? ` (${score(r.link.score)})` : ''}`
          : '',
      ),
    ),
  );
  return h(
    'section',
    { class: 'panel' },
    h('h2', null, `${label}: source records`),
    h(
      'table',
      { class: 'records' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Record', 'Name', 'Phones', 'Birth date', 'Address', 'Linked by'].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h('tbody', null, rows),
    ),
  );
}
