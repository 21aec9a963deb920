import { Link } from '../router/link';

interface PagerProps {
  page: number;
  pageSize: number;
  /** Items on this page; used when the list has no total. */
  shown: number;
  total: number | undefined;
  /** The dashboard path of a page number, e.g. `/campaigns?page=2`. */
  hrefOf: (page: number) => string;
  label: string;
}

/** Previous / next links with where the user is. */
export function Pager({ page, pageSize, shown, total, hrefOf, label }: PagerProps) {
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / pageSize));
  const hasNext = pages === undefined ? shown === pageSize : page < pages;
  if (page === 1 && !hasNext) return null;
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? (
        <Link to={hrefOf(page - 1)} rel="prev">
          Previous page
        </Link>
      ) : null}
      <span>
        Page {page}
        {pages === undefined ? '' : ` of ${pages}`}
      </span>
      {hasNext ? (
        <Link to={hrefOf(page + 1)} rel="next">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
