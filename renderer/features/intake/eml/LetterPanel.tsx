import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import { zoneLabel } from '../../../lib/format';
import { dateTimeSecondsText } from '@shared/format/instant-text';
import { useFileSize } from '../../attachments/useFileSize';
import { matchOrganization } from './prefill-from-letter';
import type { Letter, LetterProblem } from './read-letter';
import './letter.css';

interface LetterPanelProps {
  letter: Letter | null;
  problem: LetterProblem | null;
  reading: boolean;
  dragging: boolean;
  organizations: Organization[];
  /** The zone the sending time is shown in: the organization's, else this computer's. */
  zone: string;
  onFile: (files: FileList) => void;
}

/**
 * Where a letter comes in (dropped anywhere on the page, or picked), and what the form took from
 * it: sender, sending time in the customer's zone, how the organization and the description
 * were found, the attachments by name. A refused file is explained here and changes nothing.
 */
export function LetterPanel(props: LetterPanelProps) {
  const { letter, problem, reading, dragging } = props;
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section
      className={`intake-card letter${dragging ? ' letter--dragging' : ''}`}
      aria-labelledby="intake-letter-title"
      data-testid="intake-letter"
    >
      <h2 className="intake-card__title" id="intake-letter-title">
        {t('intake.letter.title')}
      </h2>
      <p className="letter__drop">
        {dragging ? (
          t('intake.letter.dropHere')
        ) : (
          <>
            {t('intake.letter.drop')}{' '}
            <button
              type="button"
              className="button button--quiet letter__pick"
              onClick={() => input.current?.click()}
              disabled={reading}
            >
              {t('intake.letter.pick')}
            </button>
          </>
        )}
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          accept=".eml,message/rfc822"
          aria-label={t('intake.letter.pickLabel')}
          tabIndex={-1}
          data-testid="intake-letter-input"
          onChange={(event) => {
            if (event.target.files && event.target.files.length > 0)
              props.onFile(event.target.files);
            // The same file picked again must be read again.
            event.target.value = '';
          }}
        />
      </p>
      <div role="status" className="letter__status">
        {reading && <p>{t('intake.letter.reading')}</p>}
      </div>
      {problem && (
        <p className="letter__problem" role="alert" data-testid="intake-letter-problem">
          <ProblemText problem={problem} zone={props.zone} />
        </p>
      )}
      {letter && <LetterFacts {...props} letter={letter} />}
    </section>
  );
}

function ProblemText({ problem, zone }: { problem: LetterProblem; zone: string }) {
  const { t, i18n } = useTranslation();
  switch (problem.code) {
    case 'tooLarge':
      return t('intake.letter.problems.tooLarge', { limit: problem.limitMb });
    case 'futureDate':
      return t('intake.letter.problems.futureDate', {
        time: `${formatSent(problem.sentAt, zone, i18n.language)} ${zoneLabel(new Date(problem.sentAt), zone, i18n.language)}`,
      });
    case 'unreadable':
      return t('intake.letter.problems.unreadable', { detail: problem.detail });
    case 'badFrom':
    case 'badDate':
      return t(`intake.letter.problems.${problem.code}`, { value: problem.value });
    case 'many':
      return t('intake.letter.problems.many', { count: problem.count });
    default:
      return t(`intake.letter.problems.${problem.code}`);
  }
}

function formatSent(iso: string, zone: string, language: string): string {
  return dateTimeSecondsText(Date.parse(iso), zone, language);
}

function LetterFacts({ letter, organizations, zone }: LetterPanelProps & { letter: Letter }) {
  const { t, i18n } = useTranslation();
  const match = matchOrganization(letter.fromAddress, organizations);
  const from = letter.fromName ? `${letter.fromName} <${letter.fromAddress}>` : letter.fromAddress;
  const size = useFileSize();
  return (
    <div className="letter__facts" data-testid="intake-letter-facts">
      <p className="letter__from">
        {t('intake.letter.from', { subject: letter.subject || t('intake.letter.noSubject'), from })}
      </p>
      <p className="letter__sent" data-testid="intake-letter-sent">
        {t('intake.letter.sent', {
          time: formatSent(letter.sentAt, zone, i18n.language),
          zone: zoneLabel(new Date(letter.sentAt), zone, i18n.language),
        })}
      </p>
      <ul className="letter__notes">
        <li>
          {match.kind === 'one' && t('intake.letter.organization.one')}
          {match.kind === 'many' &&
            t('intake.letter.organization.many', { names: match.names.join(', ') })}
          {match.kind === 'none' && t('intake.letter.organization.none', { domain: match.domain })}
        </li>
        <li>{t(`intake.letter.mapping.${letter.description.mapping}`)}</li>
        <li>{t('intake.letter.notFilled')}</li>
      </ul>
      {letter.attachments.length > 0 && (
        <div className="letter__attachments">
          <p>{t('intake.letter.attachments', { count: letter.attachments.length })}</p>
          <ul data-testid="intake-letter-attachments">
            {letter.attachments.map((attachment, index) => (
              <li key={index}>
                {attachment.name ||
                  t('intake.letter.attachmentUnnamed', { type: attachment.mimeType })}{' '}
                <span className="letter__size">({size(attachment.bytes)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="letter__file">{t('intake.letter.file', { name: letter.fileName })}</p>
    </div>
  );
}
