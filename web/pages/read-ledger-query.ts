// The ledger page's query string, checked: anything malformed is dropped, never passed to SQL as typed.
import { parseNumberRef } from '../../domain/references/parse-number-ref.js';
import { readPageNumber } from './render-pager.js';
import { ledgerSorts, type LedgerFilters, type LedgerSort } from '../../use-cases/list-ledger-projects.js';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const lights = new Set(['red', 'yellow', 'green']);

export function readLedgerQuery(query: URLSearchParams): { filters: LedgerFilters; sort: LedgerSort; descending: boolean; page: number } {
  const text = (name: string) => query.get(name)?.trim().slice(0, 100) || undefined;
  const id = (name: string) => {
    const value = text(name);
    return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
  };
  const date = (name: string) => {
    const value = text(name);
    return value && isoDate.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
  };
  const project = text('project');
  const light = text('light');
  const sort = text('sort');
  const filters: LedgerFilters = {
    project: project ? parseNumberRef(project, 'P') : undefined,
    stage: text('stage'),
    service: text('service'),
    light: light && lights.has(light) ? (light as LedgerFilters['light']) : undefined,
    unitId: id('unit'),
    leaderId: id('leader'),
    industry: text('industry'),
    signedFrom: date('signedFrom'),
    signedTo: date('signedTo'),
    startedFrom: date('startedFrom'),
    startedTo: date('startedTo'),
    search: text('q'),
  };
  return {
    filters,
    sort: sort && sort in ledgerSorts ? (sort as LedgerSort) : 'id',
    descending: query.get('dir') === 'desc',
    page: readPageNumber(query),
  };
}
