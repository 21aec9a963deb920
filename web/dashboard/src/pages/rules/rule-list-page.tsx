import { getRuleCatalog, listValidationRules, RULES_PAGE_SIZE, type RuleCatalogEntry } from '../../api/rules-api';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { ScrollingTable } from '../../components/scrolling-table';
import { formatDate } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { buildPath, Link } from '../../router/link';
import { describeRules } from './rule-words';
import '../../styles/rules.css';

const NO_CATALOG: ReadonlyMap<string, RuleCatalogEntry> = new Map();

export function RuleListPage({ page }: { page: number }) {
  useDocumentTitle('Validation rules');
  const { data, error, loading } = useApiData(`validation-rules:${page}`, () => listValidationRules(page));
  // The catalog only gives the summaries their labels; without it they show the rule names.
  const catalog = useApiData('rule-catalog', getRuleCatalog);
  const byName = catalog.data ? new Map(catalog.data.rules.map((spec) => [spec.name, spec])) : NO_CATALOG;
  const rules = data?.data ?? [];

  return (
    <>
      <PageHeader
        title="Validation rules"
        actions={
          <Link to="/validation-rules/new" className="button primary">
            New validation rule
          </Link>
        }
      />
      <ErrorMessage error={error} />
      <LoadingNote loading={loading} />
      {data && rules.length === 0 ? (
        <p>No validation rules yet. Create one to limit who can use a campaign’s codes, and on what orders.</p>
      ) : null}
      {rules.length > 0 ? (
        <ScrollingTable caption="Validation rules, newest first">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Rules</th>
              <th scope="col" className="number">
                Assigned to
              </th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id}>
                <th scope="row">
                  <Link to={buildPath('validation-rules', rule.id)}>{rule.name}</Link>
                </th>
                <td className="rule-summary">{describeRules(rule.rules, byName)}</td>
                <td className="number">{rule.assignments_count}</td>
                <td>{formatDate(rule.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      ) : null}
      {data ? (
        <Pager
          label="Validation rule pages"
          page={page}
          pageSize={RULES_PAGE_SIZE}
          shown={rules.length}
          total={data.total}
          hrefOf={(target) => `/validation-rules?page=${target}`}
        />
      ) : null}
    </>
  );
}
