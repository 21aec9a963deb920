import { useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import { type IssuedKey, listProjectKeys, type ProjectKey, rotateProjectKey } from '../../api/insights-api';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { ScrollingTable } from '../../components/scrolling-table';
import { formatDate } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import '../../styles/insights.css';
import { IssuedKeyPanel } from './issued-key-panel';
import { KeyRotateControl } from './key-rotate-control';
import { useCurrentProject } from './use-current-project';

const kindNames: Record<ProjectKey['kind'], string> = {
  server: 'Server side',
  client: 'Client side',
  management: 'Management',
};

export function describeKey(key: ProjectKey): string {
  return key.name ?? `${kindNames[key.kind]} key`;
}

function KeyTable({ projectId, isAdmin }: { projectId: string; isAdmin: boolean }) {
  const { data, error, loading } = useApiData(`keys:${projectId}`, () => listProjectKeys(projectId));
  const [issued, setIssued] = useState<{ key: ProjectKey; secret: IssuedKey } | null>(null);
  const [rotateError, setRotateError] = useState<ApiError | null>(null);

  const rotate = async (key: ProjectKey) => {
    setRotateError(null);
    try {
      setIssued({ key, secret: await rotateProjectKey(projectId, key.id) });
    } catch (caught) {
      setRotateError(toApiError(caught));
    }
  };

  return (
    <>
      <ErrorMessage error={error} />
      <ErrorMessage error={rotateError} takeFocus />
      <LoadingNote loading={loading} />
      {issued ? (
        <IssuedKeyPanel keyName={describeKey(issued.key)} issued={issued.secret} onDone={() => setIssued(null)} />
      ) : null}
      {data ? (
        <ScrollingTable caption="API keys of this project">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Application id</th>
              <th scope="col">Created</th>
              {isAdmin ? <th scope="col">Secret</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.keys.map((key) => (
              <tr key={key.id}>
                <th scope="row">{describeKey(key)}</th>
                <td>{kindNames[key.kind]}</td>
                <td>
                  <code>{key.app_id}</code>
                </td>
                <td>{formatDate(key.created_at)}</td>
                {isAdmin ? (
                  <td>
                    <KeyRotateControl keyName={describeKey(key)} onConfirm={() => rotate(key)} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      ) : null}
    </>
  );
}

/** The project's settings: its API keys, which an admin can give new secrets. */
export function SettingsPage() {
  useDocumentTitle('Settings');
  const { current, error } = useCurrentProject();
  const isAdmin = current?.session.user.role === 'admin';
  return (
    <>
      <PageHeader title="Settings" />
      <ErrorMessage error={error} />
      {current ? (
        <section aria-labelledby="keys-heading">
          <h2 id="keys-heading">API keys</h2>
          <p>
            The keys of {current.project.name}. Secrets are kept only as hashes, so they cannot be shown;{' '}
            {isAdmin ? 'rotating a key gives it a new secret.' : 'an admin can give a key a new secret.'}
          </p>
          <KeyTable projectId={current.project.id} isAdmin={isAdmin} />
        </section>
      ) : null}
    </>
  );
}
