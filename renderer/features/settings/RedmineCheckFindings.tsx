import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MappingFinding } from '@shared/erp/redmine/mapping-check';
import type { RedmineReport } from './connection-check';

/** The Redmine part of a passing check: every mapped id found, or each missing one in words. */
export function RedmineCheckFindings({ report }: { report: RedmineReport }) {
  const { t } = useTranslation();
  if (report.unreadable !== null)
    return (
      <p className="connection-check__missing" data-testid="connection-check-mapping">
        {t('settings.redmine.check.unreadable', { detail: report.unreadable })}
      </p>
    );
  if (report.findings.length === 0)
    return (
      <p className="connection-check__note" data-testid="connection-check-mapping">
        {t('settings.redmine.check.allFound')}
      </p>
    );
  return (
    <div className="connection-check__missing" data-testid="connection-check-mapping">
      <p>{t('settings.redmine.check.missingTitle')}</p>
      <ul>
        {report.findings.map((finding, index) => (
          <li key={index}>{findingText(t, finding)}</li>
        ))}
      </ul>
    </div>
  );
}

function findingText(t: TFunction, finding: MappingFinding): string {
  const role = (name: string) => t(`settings.redmine.roles.${name}`);
  // Customer names often carry their own quotes (АО «Уралтехно»): none are added around those.
  const project = (name: string) =>
    /[«»"“”„]/.test(name) ? name : t('settings.redmine.check.quoted', { name });
  switch (finding.kind) {
    case 'status':
      return t('settings.redmine.check.status', { role: role(finding.role), id: finding.id });
    case 'issue_field':
      return t('settings.redmine.check.issue_field', {
        ...finding,
        project: project(finding.project),
        field: role(finding.role),
      });
    case 'project_field':
      return t(`settings.redmine.check.project_field_${finding.problem}`, {
        ...finding,
        project: project(finding.project),
        field: role(finding.role),
      });
    case 'project_tracker':
      return t('settings.redmine.check.project_tracker', {
        ...finding,
        project: project(finding.project),
      });
    default:
      return t(`settings.redmine.check.${finding.kind}`, { ...finding });
  }
}
