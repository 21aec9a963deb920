import { type FormEvent, useId, useState } from 'react';
import { buildQuery } from '../../api/api-client';
import type { ListRequest } from '../../api/catalog-api';
import { Link } from '../../router/link';
import { navigate, readPage } from '../../router/router';

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

/** What a list shows, read from its address: `?page=2&order=-created_at&email=...`. */
export function readListRequest(query: URLSearchParams, fields: readonly FilterField[]): ListRequest {
  const filters: Record<string, string | undefined> = {};
  for (const field of fields) filters[field.name] = query.get(field.name)?.trim() || undefined;
  return { page: readPage(query), order: query.get('order') || undefined, filters };
}

/** The list's address for another page, keeping its filters and order. */
export function buildListHref(basePath: string, request: ListRequest, page: number): string {
  return `${basePath}${buildQuery({ ...request.filters, order: request.order, page: page === 1 ? undefined : page })}`;
}

/** A key naming what a list loads, so a new filter or page loads again. */
export function toListKey(name: string, request: ListRequest): string {
  return `${name}:${buildListHref('', request, request.page)}`;
}

interface ListControlsProps {
  basePath: string;
  /** The search form's name, e.g. "Search customers". */
  label: string;
  fields: readonly FilterField[];
  sortOptions: readonly SortOption[];
  request: ListRequest;
  /** Says what is searched and how (exact match or not), as the API decides it. */
  hint: string;
}

/** Filters and sort order; submitting goes to the list's first page with them in the address. */
export function ListControls({ basePath, label, fields, sortOptions, request, hint }: ListControlsProps) {
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((field) => [field.name, request.filters?.[field.name] ?? ''])),
  );
  const [order, setOrder] = useState(request.order ?? '');
  const isFiltered = fields.some((field) => request.filters?.[field.name] !== undefined) || request.order;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filters = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.trim()]));
    navigate(`${basePath}${buildQuery({ ...filters, order })}`);
  };

  return (
    <search className="catalog-search card" aria-label={label}>
      <form className="catalog-search-form" onSubmit={submit}>
        <div className="catalog-search-fields">
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
        <p className="help">{hint}</p>
        <div className="catalog-search-actions">
          <button type="submit" className="button primary">
            {fields.length > 0 ? 'Search' : 'Sort'}
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

/** Opens one object by its exact id: where the API cannot search, this finds it directly. */
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
