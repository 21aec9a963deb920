import { createValidationRule, getRuleCatalog } from '../../api/rules-api';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Link } from '../../router/link';
import { RuleBuilderForm } from './rule-builder-form';
import { emptyDraft } from './rule-draft';
import '../../styles/rules.css';

export function RuleNewPage() {
  useDocumentTitle('New validation rule');
  const { data, error, loading } = useApiData('rule-catalog', getRuleCatalog);

  return (
    <>
      <PageHeader title="New validation rule" back={<Link to="/validation-rules">← Validation rules</Link>} />
      <ErrorMessage error={error} />
      <LoadingNote loading={loading} />
      {data ? (
        <RuleBuilderForm
          initial={emptyDraft(data.rules)}
          catalog={data.rules}
          submitLabel="Create rule"
          save={createValidationRule}
        />
      ) : null}
    </>
  );
}
