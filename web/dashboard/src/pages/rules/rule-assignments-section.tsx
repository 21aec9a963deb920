import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import {
  assignRuleToCampaign,
  listCampaignChoices,
  listRuleAssignments,
  type RuleAssignment,
  removeRuleAssignment,
} from '../../api/rules-api';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { ScrollingTable } from '../../components/scrolling-table';
import { formatDate } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { buildPath, Link } from '../../router/link';

const OBJECT_TYPES: Record<string, string> = {
  campaign: 'Campaign',
  voucher: 'Code',
  promotion_tier: 'Promotion tier',
};

function AssignedObject({ assignment, names }: { assignment: RuleAssignment; names: Map<string, string> }) {
  const { related_object_id: id, related_object_type: type } = assignment;
  if (type === 'campaign') return <Link to={buildPath('campaigns', id)}>{names.get(id) ?? id}</Link>;
  return <code>{id}</code>;
}

/** Where the rule applies: its assignments, a form to assign it to a campaign, and removing one. */
export function RuleAssignmentsSection({ ruleId, onChanged }: { ruleId: string; onChanged: () => void }) {
  const assignments = useApiData(`rule-assignments:${ruleId}`, () => listRuleAssignments(ruleId));
  const campaigns = useApiData('rule-campaign-choices', listCampaignChoices);
  const [campaignId, setCampaignId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  const list = assignments.data?.data ?? [];
  const names = new Map((campaigns.data?.campaigns ?? []).map((campaign) => [campaign.id, campaign.name]));
  // A campaign the rule is already assigned to is left out: the server refuses the same assignment twice.
  const assigned = new Set(list.map((assignment) => assignment.related_object_id));
  const choices = (campaigns.data?.campaigns ?? []).filter((campaign) => !assigned.has(campaign.id));
  const chosen = choices.some((campaign) => campaign.id === campaignId) ? campaignId : (choices[0]?.id ?? '');

  const change = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      await action();
      setNotice(done);
      assignments.reload();
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const submitAssignment = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (chosen === '') return;
    void change(() => assignRuleToCampaign(ruleId, chosen), `Assigned to ${names.get(chosen) ?? chosen}.`);
  };

  return (
    <section aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">Assignments</h2>
      <ErrorMessage error={assignments.error ?? campaigns.error} />
      <LoadingNote loading={assignments.loading && !assignments.data} />
      <p className="notice" role="status">
        {notice}
      </p>
      <ErrorMessage error={error} takeFocus />
      {assignments.data && list.length === 0 ? <p>Not assigned yet: the rule checks nothing until it is.</p> : null}
      {list.length > 0 ? (
        <ScrollingTable caption="Where the rule applies">
          <thead>
            <tr>
              <th scope="col">Assigned to</th>
              <th scope="col">Type</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((assignment) => (
              <tr key={assignment.id}>
                <th scope="row">
                  <AssignedObject assignment={assignment} names={names} />
                </th>
                <td>{OBJECT_TYPES[assignment.related_object_type] ?? assignment.related_object_type}</td>
                <td>{formatDate(assignment.created_at)}</td>
                <td>
                  <button
                    type="button"
                    className="button small"
                    disabled={busy}
                    aria-label={`Remove assignment to ${names.get(assignment.related_object_id) ?? assignment.related_object_id}`}
                    onClick={() =>
                      void change(() => removeRuleAssignment(ruleId, assignment.id), 'Assignment removed.')
                    }
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      ) : null}
      {campaigns.data && assignments.data && choices.length === 0 ? (
        <p>There are no other campaigns to assign the rule to.</p>
      ) : null}
      {choices.length > 0 ? (
        <form className="form inline-form rule-assign-form" onSubmit={submitAssignment}>
          <div className="field">
            <label htmlFor="assign-campaign">Campaign</label>
            <select id="assign-campaign" value={chosen} onChange={(event) => setCampaignId(event.target.value)}>
              {choices.map((campaign) => (
                <option key={campaign.id} value={campaign.id}>
                  {campaign.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" className="button primary" disabled={busy}>
              Assign to campaign
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
