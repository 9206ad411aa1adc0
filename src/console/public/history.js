// A customer's history timeline: who did what, when, why, with the engine's explanation.
import { api } from './api.js';
import {
  ACTION_LABELS,
  customerLink,
  display,
  FIELD_LABELS,
  h,
  score,
  timeTag,
  weightBar,
} from './dom.js';

export function timeline(customer, first) {
  const show = (e) => entry(e, customer.customerNumber);
  const list = h('ol', { class: 'timeline' }, first.items.map(show));
  const more = h(
    'button',
    {
      type: 'button',
      hidden: first.nextCursor === null,
      onclick: async () => {
        const page = await api(
          'GET',
          `/v1/customers/${encodeURIComponent(customer.customerNumber)}/history?limit=50&cursor=${encodeURIComponent(more.dataset.cursor)}`,
        );
        list.append(...page.items.map(show));
        more.dataset.cursor = page.nextCursor || '';
        more.hidden = page.nextCursor === null;
      },
    },
    'Load older',
  );
  more.dataset.cursor = first.nextCursor || '';
  return h(
    'section',
    { class: 'panel history', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'History'),
    list,
    more,
  );
}

function entry(e, pageNumber) {
  const details = describe(e);
  return h(
    'li',
    { class: `event event-${e.action}` },
    h(
      'div',
      { class: 'event-head' },
      h('strong', null, ACTION_LABELS[e.action] || e.action),
      ' ',
      timeTag(e.at),
    ),
    h(
      'div',
      { class: 'event-body' },
      h('span', { class: 'muted' }, 'by '),
      e.actor,
      e.customerNumber !== pageNumber
        ? [h('span', { class: 'muted' }, ' on '), customerLink(e.customerNumber)]
        : null,
      e.relatedCustomerNumber
        ? [h('span', { class: 'muted' }, ' with '), customerLink(e.relatedCustomerNumber)]
        : null,
      e.sourceRecord
        ? [
            h('span', { class: 'muted' }, ' · record '),
            h('code', null, `${e.sourceRecord.source} / ${e.sourceRecord.sourceId}`),
          ]
        : null,
      e.reviewId
        ? [
            h('span', { class: 'muted' }, ' · '),
            h('a', { href: `#/reviews/${e.reviewId}` }, `review ${e.reviewId}`),
          ]
        : null,
    ),
    details ? h('div', { class: 'event-details' }, details) : null,
    e.reason ? h('blockquote', null, e.reason) : null,
    Array.isArray(e.explanation) && e.explanation.length > 0 ? explanation(e.explanation) : null,
  );
}

function describe(e) {
  const d = e.details || {};
  switch (e.action) {
    case 'review_decided':
    case 'review_opened':
      return [
        d.decision ? `decision: ${d.decision}` : null,
        d.kind ? `kind: ${d.kind}` : null,
        typeof d.score === 'number' ? `score ${score(d.score)}` : null,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'linked':
      return d.link
        ? `${d.link.decision}${typeof d.link.score === 'number' ? ` (score ${score(d.link.score)})` : ''}${d.from ? ` from ${d.from}` : ''}`
        : '';
    case 'split':
    case 'split_from':
      return `${(d.sourceRecords || []).map((r) => `${r.source} / ${r.sourceId}`).join(', ')} ${e.action === 'split' ? `→ ${d.to}` : `← ${d.from}`}${d.restored ? ' (number restored)' : ''}`;
    case 'pinned':
      return `${d.attribute} = ${display(d.value)}`;
    case 'unpinned':
      return `${d.attribute} (was ${display(d.previous)})`;
    default:
      return '';
  }
}

function explanation(lines) {
  const total = lines.reduce((sum, l) => sum + l.weight, 0);
  return h(
    'details',
    null,
    h('summary', null, `Explanation (${lines.length} fields, ${score(total)} bits)`),
    h(
      'table',
      { class: 'evidence compact' },
      h(
        'tbody',
        null,
        lines.map((l) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, FIELD_LABELS[l.field] || l.field),
            h('td', null, l.level),
            h('td', null, weightBar(l.weight)),
          ),
        ),
      ),
    ),
  );
}
