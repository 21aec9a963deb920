import { type FormEvent, useId, useState } from 'react';
import { buildQuery } from '../../api/api-client';
import type { ListRequest } from '../../api/catalog-api';
import { Link } from '../../router/link';
import { navigate, readPage } from '../../router/router';

/** The API's longest `search`. */
const MAX_SEARCH_LENGTH = 200;

export interface FilterField {
  /** The query parameter, the same in the dashboard's address and the API's. */
  name: string;
  label: string;
  type?: 'text' | 'email';
}

export interface SortOption {
  value: string;
  label: string;
}

/** What a list shows, read from its address: `?page=2&order=-created_at&search=ada&email=...`. */
export function readListRequest(query: URLSearchParams, fields: readonly FilterField[]): ListRequest {
  const filters: Record<string, string | undefined> = {};
  for (const field of fields) filters[field.name] = query.get(field.name)?.trim() || undefined;
  return {
    page: readPage(query),
    order: query.get('order') || undefined,
    search: query.get('search')?.trim() || undefined,
    filters,
  };
}

/** The list's address for another page, keeping its search, filters and order. */
export function buildListHref(basePath: string, request: ListRequest, page: number): string {
  const { search, filters, order } = request;
  return `${basePath}${buildQuery({ search, ...filters, order, page: page === 1 ? undefined : page })}`;
}

/** A key naming what a list loads, so a new filter or page loads again. */
export function toListKey(name: string, request: ListRequest): string {
  return `${name}:${buildListHref('', request, request.page)}`;
}

interface ListControlsProps {
  basePath: string;
  /** The search form's name, e.g. "Search customers". */
  label: string;
  /** The search box's label, naming the fields it looks in, e.g. "Search customers by name, email or id". */
  searchFieldLabel: string;
  /** Exact filters the API also has, beside the search. */
  fields: readonly FilterField[];
  sortOptions: readonly SortOption[];
  request: ListRequest;
  /** Says what is searched and how (exact match or not), as the API decides it. */
  hint: string;
}

/** Search, filters and sort order; submitting goes to the list's first page with them in the address. */
export function ListControls({
  basePath,
  label,
  searchFieldLabel,
  fields,
  sortOptions,
  request,
  hint,
}: ListControlsProps) {
  const id = useId();
  const [search, setSearch] = useState(request.search ?? '');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((field) => [field.name, request.filters?.[field.name] ?? ''])),
  );
  const [order, setOrder] = useState(request.order ?? '');
  const isFiltered =
    request.search !== undefined ||
    fields.some((field) => request.filters?.[field.name] !== undefined) ||
    request.order;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filters = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.trim()]));
    navigate(`${basePath}${buildQuery({ search: search.trim(), ...filters, order })}`);
  };

  return (
    <search className="catalog-search card" aria-label={label}>
      <form className="catalog-search-form" onSubmit={submit}>
        <div className="catalog-search-fields">
          <div className="field">
            <label htmlFor={`${id}-search`}>{searchFieldLabel}</label>
            <input
              id={`${id}-search`}
              type="search"
              aria-describedby={`${id}-hint`}
              value={search}
              maxLength={MAX_SEARCH_LENGTH}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          {fields.map((field) => (
            <div className="field" key={field.name}>
              <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
              <input
                id={`${id}-${field.name}`}
                type={field.type ?? 'text'}
                value={values[field.name] ?? ''}
                onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
              />
            </div>
          ))}
          <div className="field">
            <label htmlFor={`${id}-order`}>Sort by</label>
            <select id={`${id}-order`} value={order} onChange={(event) => setOrder(event.target.value)}>
              {sortOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p id={`${id}-hint`} className="help">
          {hint}
        </p>
        <div className="catalog-search-actions">
          <button type="submit" className="button primary">
            Search
          </button>
          {isFiltered ? <Link to={basePath}>Clear</Link> : null}
        </div>
      </form>
    </search>
  );
}

interface LookupFormProps {
  /** The field's label, e.g. "Customer id or source_id". */
  label: string;
  button: string;
  /** The dashboard path of the object typed in. */
  pathOf: (ref: string) => string;
}

/** Opens one object by its exact id or source_id, straight to its page. */
export function LookupForm({ label, button, pathOf }: LookupFormProps) {
  const id = useId();
  const [ref, setRef] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ref.trim() !== '') navigate(pathOf(ref.trim()));
  };
  return (
    <form className="catalog-lookup" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} value={ref} onChange={(event) => setRef(event.target.value)} required />
      </div>
      <button type="submit" className="button">
        {button}
      </button>
    </form>
  );
}
