import { useTranslation } from 'react-i18next';
import { usePeople } from './usePeople';
import './identity.css';

/**
 * Who the ERP says is signed in (the user the token belongs to). A small piece the header places
 * next to the ERP it talks to; nothing while the ERP has not said yet.
 */
export function SignedInAs() {
  const { t } = useTranslation();
  const { me } = usePeople();
  if (!me) {
    return (
      <span
        className="signed-in signed-in--unknown"
        data-testid="signed-in-as"
        title={t('identity.unknownHint')}
      >
        {t('identity.unknown')}
      </span>
    );
  }
  const who = me.email ? `${me.name} <${me.email}>` : me.name;
  return (
    <span
      className="signed-in"
      data-testid="signed-in-as"
      title={t('identity.signedInHint', { who })}
    >
      <span className="visually-hidden">{t('identity.signedInAs')} </span>
      {me.name}
    </span>
  );
}
