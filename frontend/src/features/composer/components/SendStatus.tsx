import { useTranslation } from 'react-i18next';

interface Props {
  /** the draft's length in Unicode code points */
  length: number;
  /** the platform's limit (null while unknown: no count is shown) */
  maxLength: number | null;
  /** why the last send did not go through (the draft is still in the composer) */
  sendError: string | null;
  canRetry: boolean;
  onRetry: () => void;
}

/** The live count against the platform's limit, the too-long warning and a failed send with its retry. */
export function SendStatus({ length, maxLength, sendError, canRetry, onRetry }: Props) {
  const { t } = useTranslation('composer');
  const tooLong = maxLength !== null && length > maxLength;
  return (
    <>
      {maxLength !== null && (
        <div className={`composer__count${tooLong ? ' composer__count--over' : ''}`} data-testid="composer-count"
          data-over={tooLong ? 'true' : 'false'} title={t('countTitle')}>
          {t('count', { count: length, max: maxLength })}
        </div>
      )}
      {tooLong && (
        <p className="composer__note composer__note--error" role="alert" data-testid="composer-too-long">
          {t('tooLong', { over: length - maxLength, max: maxLength })}
        </p>
      )}
      {sendError && (
        <p className="composer__note composer__note--error" role="alert" data-testid="composer-send-error">
          {sendError}{' '}
          <button type="button" className="link-button" data-testid="composer-retry" disabled={!canRetry} onClick={onRetry}>
            {t('retry')}
          </button>
        </p>
      )}
    </>
  );
}
