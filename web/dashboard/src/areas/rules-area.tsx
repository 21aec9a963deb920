import { RuleEditPage } from '../pages/rules/rule-edit-page';
import { RuleListPage } from '../pages/rules/rule-list-page';
import { RuleNewPage } from '../pages/rules/rule-new-page';
import { RulePage } from '../pages/rules/rule-page';
import { matchPath, readPage } from '../router/router';
import type { Area } from './area';

/** Validation rules (builder, test against a cart). */
export const rulesArea: Area = {
  sections: [{ path: '/validation-rules', label: 'Validation rules' }],
  render: ({ path, query }) => {
    if (path === '/validation-rules') return <RuleListPage page={readPage(query)} />;
    if (path === '/validation-rules/new') return <RuleNewPage />;
    const edit = matchPath('/validation-rules/:id/edit', path);
    if (edit?.id) return <RuleEditPage id={edit.id} />;
    const rule = matchPath('/validation-rules/:id', path);
    if (rule?.id) return <RulePage id={rule.id} />;
    return null;
  },
};
