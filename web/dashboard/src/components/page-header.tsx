import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  /** A line above the title, e.g. a link back to the list. */
  back?: ReactNode;
  actions?: ReactNode;
}

/** The page's one h1; focusable so navigation can move focus to it. */
export function PageHeader({ title, back, actions }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div>
        {back ? <p className="back">{back}</p> : null}
        <h1 tabIndex={-1}>{title}</h1>
      </div>
      {actions ? <div className="actions">{actions}</div> : null}
    </div>
  );
}
