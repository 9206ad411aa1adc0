import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { DomainError } from '../common/domain-error';
import { blockingKeys, type BlockingKey, type BlockingKeyType } from '../matching/blocking-keys';
import type { CustomerRecordInput } from '../normalize/customer-record';
import { normalizeRecord } from '../normalize/normalize-record';
import { parseCustomerNumber } from '../matching/customer-number';
import type { CustomerSummary, CustomerView, GoldenAttributeView } from './customer-view';
import { CustomersQueryRepository, type CustomerRow } from './customers-query.repository';
import { goldenValues, type StoredGoldenValue } from './stored-golden';

export interface CustomerSearch {
  name?: string;
  phone?: string;
  email?: string;
  idNumber?: string;
  cursor?: string;
  limit: number;
}

/** Which blocking keys answer a search on each field, and how to build the probe record. */
const SEARCH_FIELDS: {
  field: keyof CustomerSearch;
  types: BlockingKeyType[];
  probe: (v: string) => Partial<CustomerRecordInput>[];
}[] = [
  {
    field: 'name',
    types: ['name', 'orgCore'],
    probe: (v) => [
      { kind: 'person', name: v },
      { kind: 'organization', name: v },
    ],
  },
  { field: 'phone', types: ['phone'], probe: (v) => [{ phones: [v] }] },
  { field: 'email', types: ['email'], probe: (v) => [{ emails: [v] }] },
  { field: 'idNumber', types: ['id'], probe: (v) => [{ idNumber: v }] },
];

@Injectable()
export class CustomersService {
  constructor(private readonly query: CustomersQueryRepository) {}

  /** A merged number answers with its survivor, so old numbers keep working. */
  async getCustomer(customerNumber: string): Promise<CustomerView> {
    const requested = await this.requireCustomer(customerNumber);
    const customer =
      requested.mergedIntoId === null
        ? requested
        : ((await this.query.findById(requested.mergedIntoId)) as CustomerRow);
    const records = await this.query.listSourceRecords(customer.id);
    const lineage = await this.query.sourceKeysOf(goldenRecordIds(customer));
    const view: CustomerView = {
      customerNumber: customer.customerNumber,
      kind: customer.kind,
      status: customer.status,
      regionCode: customer.regionCode,
      golden: goldenViews(customer, lineage),
      pins: customer.pins,
      sourceRecords: records.map((r) => ({
        source: r.source,
        sourceId: r.sourceId,
        status: r.status,
        record: r.raw,
        link: r.link,
        createdAt: new Date(r.createdAt).toISOString(),
        updatedAt: new Date(r.updatedAt).toISOString(),
      })),
      createdAt: new Date(customer.createdAt).toISOString(),
      updatedAt: new Date(customer.updatedAt).toISOString(),
    };
    if (requested !== customer) {
      view.requestedNumber = requested.customerNumber;
      view.mergedInto = customer.customerNumber;
    }
    return view;
  }

  /** Resolves a number to its row; 400 for a malformed number, 404 for an unknown one. */
  async requireCustomer(customerNumber: string): Promise<CustomerRow> {
    const parsed = parseCustomerNumber(customerNumber);
    if (!parsed.ok) {
      throw new DomainError('INVALID_CUSTOMER_NUMBER', 'This is not a valid customer number.', [
        {
          field: 'customerNumber',
          code: `CUSTOMER_NUMBER_${parsed.problem.toUpperCase()}`,
          message: `customer number has a bad ${parsed.problem}`,
        },
      ]);
    }
    const row = await this.query.findByNumber(customerNumber.trim().toUpperCase());
    if (row === undefined)
      throw new DomainError('CUSTOMER_NOT_FOUND', 'No customer has this number.');
    return row;
  }

  async search(
    search: CustomerSearch,
  ): Promise<{ items: CustomerSummary[]; nextCursor: string | null }> {
    const groups = searchKeyGroups(search);
    if (groups.length === 0) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'Give at least one of name, phone, email, idNumber.',
        [
          {
            field: 'name',
            code: 'SEARCH_FIELD_REQUIRED',
            message: 'at least one search field is required',
          },
        ],
      );
    }
    const afterId = search.cursor === undefined ? '0' : decodeCursor(search.cursor, ['id']).id;
    const rows = groups.some((g) => g.length === 0)
      ? []
      : await this.query.searchByKeys(groups, afterId, search.limit + 1);
    const page = rows.slice(0, search.limit);
    const counts = await this.query.countRecords(page.map((r) => r.id));
    return {
      items: page.map((r) => summarize(r, counts.get(r.id) ?? 0)),
      nextCursor:
        rows.length > search.limit ? encodeCursor({ id: page[page.length - 1].id }) : null,
    };
  }

  async getSourceRecord(
    source: string,
    sourceId: string,
  ): Promise<{
    source: string;
    sourceId: string;
    customerNumber: string | null;
    status: string;
    link: unknown;
  }> {
    const found = await this.query.findSourceRecord(source, sourceId);
    if (found === undefined)
      throw new DomainError('SOURCE_RECORD_NOT_FOUND', 'No source record with this source and id.');
    return {
      source,
      sourceId,
      customerNumber: found.customerNumber,
      status: found.status,
      link: found.link,
    };
  }
}

/** Normalises each searched value exactly as records are, and keeps its key of the wanted types. */
function searchKeyGroups(search: CustomerSearch): BlockingKey[][] {
  const groups: BlockingKey[][] = [];
  for (const { field, types, probe } of SEARCH_FIELDS) {
    const value = search[field];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const keys = probe(value).flatMap((partial) => {
      const { record } = normalizeRecord({
        source: 'search',
        sourceId: 'search',
        kind: 'person',
        ...partial,
      });
      return blockingKeys(record).filter((k) => types.includes(k.type));
    });
    groups.push(keys);
  }
  return groups;
}

function goldenRecordIds(customer: CustomerRow): string[] {
  return goldenValues(customer.golden)
    .map((v) => v.sourceRecordId)
    .filter((id): id is string => typeof id === 'string');
}

type Lineage = Map<string, { source: string; sourceId: string }>;

/** Each golden attribute with the source record (source, sourceId) it came from. */
function goldenViews(customer: CustomerRow, lineage: Lineage): CustomerView['golden'] {
  const views: CustomerView['golden'] = {};
  for (const [name, value] of Object.entries(customer.golden)) {
    if (Array.isArray(value)) views[name] = value.map((v) => goldenView(v, lineage));
    else if (typeof value === 'object') views[name] = goldenView(value, lineage);
  }
  return views;
}

function goldenView(value: StoredGoldenValue, lineage: Lineage): GoldenAttributeView {
  const id = value.sourceRecordId;
  return {
    value: value.value,
    rule: value.rule,
    source: typeof id === 'string' ? (lineage.get(id) ?? null) : null,
  };
}

function summarize(row: CustomerRow, recordCount: number): CustomerSummary {
  const name = row.golden.name ?? row.golden.orgName;
  const phones = row.golden.phones;
  return {
    customerNumber: row.customerNumber,
    kind: row.kind,
    status: row.status,
    name: typeof name === 'object' && !Array.isArray(name) ? String(name.value) : null,
    phones: Array.isArray(phones) ? phones.map((p) => String(p.value)) : [],
    sourceRecordCount: recordCount,
  };
}
