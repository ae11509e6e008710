import { useTranslation } from 'react-i18next';
import { problemText, type AttachProblem } from './attach-problems';
import { useFileSize } from './useFileSize';

/** The files refused, each with why in words and its numbers; until dismissed. */
export function AttachProblems({
  problems,
  onDismiss,
}: {
  problems: readonly AttachProblem[];
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const size = useFileSize();
  if (problems.length === 0) return null;
  return (
    <div className="attach-problems" role="alert" data-testid="attach-problems">
      <p className="attach-problems__title">{t('attachments.problems.title')}</p>
      <ul className="attach-problems__list">
        {problems.map((problem) => (
          <li key={problem.key} data-code={problem.code}>
            {problemText(problem, (key, values) => t(key, values), size)}
          </li>
        ))}
      </ul>
      <button type="button" className="button button--small" onClick={onDismiss}>
        {t('attachments.problems.dismiss')}
      </button>
    </div>
  );
}
