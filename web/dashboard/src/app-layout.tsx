import { type ReactNode, useEffect, useRef } from 'react';
import type { Project, Session } from './api/api-types';
import { AREAS } from './areas/all-areas';
import { Link } from './router/link';

interface AppLayoutProps {
  session: Session;
  project: Project;
  path: string;
  onProjectChange: (projectId: string) => void;
  onSignOut: () => void;
  children: ReactNode;
}

const sections = [
  { path: '/campaigns', label: 'Campaigns' },
  { path: '/redemptions', label: 'Redemptions' },
  ...AREAS.flatMap((area) => area.sections),
];

function isInSection(path: string, sectionPath: string): boolean {
  return path === sectionPath || path.startsWith(`${sectionPath}/`);
}

/** The frame of every signed-in page: header with project and sign-out, navigation, main content. */
export function AppLayout({ session, project, path, onProjectChange, onSignOut, children }: AppLayoutProps) {
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(path);

  // After an in-app navigation, focus goes to the new page's heading, as a full page load would start there.
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = '';
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">Vouch</span>
        <div className="header-tools">
          <label className="project-switcher">
            <span>Project</span>
            <select value={project.id} onChange={(event) => onProjectChange(event.target.value)}>
              {session.projects.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          </label>
          <span className="user-email">{session.user.email}</span>
          <button type="button" className="button" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label="Main">
        <ul>
          {sections.map((section) => (
            <li key={section.path}>
              <Link to={section.path} aria-current={isInSection(path, section.path) ? 'page' : undefined}>
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={mainRef} className="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
