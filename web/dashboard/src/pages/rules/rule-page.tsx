import { getRuleCatalog, getValidationRule, type RuleCatalogEntry } from '../../api/rules-api';
import { DetailsList } from '../../components/details-list';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { buildPath, Link } from '../../router/link';
import { RuleAssignmentsSection } from './rule-assignments-section';
import { RuleCartTestPanel } from './rule-cart-test-panel';
import { describeRuleEntry, listRuleEntries } from './rule-words';
import '../../styles/rules.css';

const NO_CATALOG: ReadonlyMap<string, RuleCatalogEntry> = new Map();

export function RulePage({ id }: { id: string }) {
  const { data: rule, error, loading, reload } = useApiData(`validation-rule:${id}`, () => getValidationRule(id));
  const catalog = useApiData('rule-catalog', getRuleCatalog);
  useDocumentTitle(rule ? rule.name : 'Validation rule');
  const byName = catalog.data ? new Map(catalog.data.rules.map((spec) => [spec.name, spec])) : NO_CATALOG;
  const entries = rule ? listRuleEntries(rule.rules) : [];
  const conditionNames = new Map(entries.map(([key, entry]) => [key, byName.get(entry.name)?.label ?? entry.name]));
  const logic = typeof rule?.rules.logic === 'string' ? rule.rules.logic.trim() : '';

  return (
    <>
      <PageHeader
        title={rule?.name ?? 'Validation rule'}
        back={<Link to="/validation-rules">← Validation rules</Link>}
        actions={
          rule ? (
            <Link to={buildPath('validation-rules', id, 'edit')} className="button">
              Edit rule
            </Link>
          ) : null
        }
      />
      <ErrorMessage error={error} />
      <LoadingNote loading={loading && !rule} />
      {rule ? (
        <>
          <section aria-labelledby="rule-details-heading">
            <h2 id="rule-details-heading">Details</h2>
            <DetailsList
              items={[
                { term: 'Id', value: <code>{rule.id}</code> },
                { term: 'Created', value: formatDate(rule.created_at) },
                { term: 'Updated', value: formatDate(rule.updated_at) },
                { term: 'Assigned to', value: `${rule.assignments_count} object(s)` },
                { term: 'Logic', value: logic === '' ? 'All conditions' : <code>{logic}</code> },
                { term: 'Error message', value: rule.error?.message ?? '—' },
              ]}
            />
          </section>
          <section aria-labelledby="rule-conditions-heading">
            <h2 id="rule-conditions-heading">Conditions</h2>
            <ul className="rule-conditions">
              {entries.map(([key, entry]) => (
                <li key={key}>
                  <span className="rule-key">{key}</span> {describeRuleEntry(entry, byName)}
                  {entry.error?.message ? <span className="help"> — message: “{entry.error.message}”</span> : null}
                </li>
              ))}
            </ul>
          </section>
          <RuleCartTestPanel ruleId={id} conditionNames={conditionNames} />
          <RuleAssignmentsSection ruleId={id} onChanged={reload} />
        </>
      ) : null}
    </>
  );
}
