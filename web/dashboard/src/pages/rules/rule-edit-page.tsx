import { getRuleCatalog, getValidationRule, updateValidationRule } from '../../api/rules-api';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { buildPath, Link } from '../../router/link';
import { RuleBuilderForm } from './rule-builder-form';
import { toRuleDraft } from './rule-draft';
import '../../styles/rules.css';

async function loadRuleAndCatalog(id: string) {
  const [rule, catalog] = await Promise.all([getValidationRule(id), getRuleCatalog()]);
  return { rule, catalog: catalog.rules };
}

export function RuleEditPage({ id }: { id: string }) {
  useDocumentTitle('Edit validation rule');
  const { data, error, loading } = useApiData(`rule-edit:${id}`, () => loadRuleAndCatalog(id));

  return (
    <>
      <PageHeader
        title={data ? `Edit ${data.rule.name}` : 'Edit validation rule'}
        back={<Link to={buildPath('validation-rules', id)}>← Back to the rule</Link>}
      />
      <ErrorMessage error={error} />
      <LoadingNote loading={loading} />
      {data ? (
        <RuleBuilderForm
          initial={toRuleDraft(data.rule, new Map(data.catalog.map((spec) => [spec.name, spec])))}
          catalog={data.catalog}
          submitLabel="Save rule"
          save={(input) => updateValidationRule(id, input)}
        />
      ) : null}
    </>
  );
}
