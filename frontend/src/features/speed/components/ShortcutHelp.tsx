import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../hooks/shortcuts';
import './speed.css';

/** The `?` help sheet: every shortcut with its keys. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('speed');
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.focus();
    const close = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [onClose]);
  return (
    <div className="shortcut-help__backdrop" onClick={onClose}>
      <div
        className="shortcut-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-help-title"
        data-testid="shortcut-help"
        tabIndex={-1}
        ref={dialog}
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcut-help-title">{t('help.title')}</h2>
        <dl className="shortcut-help__list">
          {SHORTCUTS.map((s) => (
            <div key={s.action}>
              <dt>
                {s.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </dt>
              <dd>{t(`action.${s.action}`)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="button" data-testid="shortcut-help-close" onClick={onClose}>
          {t('help.close')}
        </button>
      </div>
    </div>
  );
}
