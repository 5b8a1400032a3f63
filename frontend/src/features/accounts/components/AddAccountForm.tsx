import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformLabel } from '../../../lib/labels';
import { parseOptions } from '../hooks/account-health';
import type { NewAccount } from '../types';

const PLATFORMS = ['shopee', 'lazada', 'tiktok', 'pinduoduo', 'taobao', 'douyin', 'kuaishou'];

/** Connects a shop at runtime. Secrets go to the server once and are never shown again. */
export function AddAccountForm({ onSubmit }: { onSubmit: (account: NewAccount) => Promise<void> }) {
  const { t } = useTranslation('accounts');
  const [fields, setFields] = useState<Record<string, string>>({ platform: 'shopee', timeZone: 'Asia/Kuala_Lumpur' });
  const [optionsText, setOptionsText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: string) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value }));
  const input = (name: string, label: string, type = 'text') => (
    <label className="accounts__field">
      {label}
      <input type={type} value={fields[name] ?? ''} onChange={set(name)} data-testid={`add-${name}`} autoComplete="off" />
    </label>
  );

  return (
    <form
      className="accounts__form"
      data-testid="add-account-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const { options, problems } = parseOptions(optionsText);
        if (problems.length > 0) {
          setProblem(problems.join('; '));
          return;
        }
        setBusy(true);
        try {
          await onSubmit({
            id: fields.id ?? '',
            platform: fields.platform ?? '',
            shopId: fields.shopId ?? '',
            shopName: fields.shopName ?? '',
            region: fields.region || undefined,
            timeZone: fields.timeZone ?? '',
            apiBaseUrl: fields.apiBaseUrl ?? '',
            callbackUrl: fields.callbackUrl || undefined,
            credentials: {
              appKey: fields.appKey || undefined,
              appSecret: fields.appSecret ?? '',
              accessToken: fields.accessToken || undefined,
              refreshToken: fields.refreshToken || undefined,
            },
            options,
          });
          setProblem(null);
        } catch (err) {
          setProblem(err instanceof Error ? err.message : String(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <label className="accounts__field">
        {t('form.platform')}
        <select value={fields.platform} onChange={set('platform')} data-testid="add-platform">
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {platformLabel(p)}
            </option>
          ))}
        </select>
      </label>
      {input('id', t('form.id'))}
      {input('shopId', t('form.shopId'))}
      {input('shopName', t('form.shopName'))}
      {input('region', t('form.region'))}
      {input('timeZone', t('form.timeZone'))}
      {input('apiBaseUrl', t('form.apiBaseUrl'))}
      {input('callbackUrl', t('form.callbackUrl'))}
      {input('appKey', t('form.appKey'))}
      {input('appSecret', t('form.appSecret'), 'password')}
      {input('accessToken', t('form.accessToken'), 'password')}
      {input('refreshToken', t('form.refreshToken'), 'password')}
      <label className="accounts__field accounts__field--wide">
        {t('form.options')}
        <textarea value={optionsText} onChange={(e) => setOptionsText(e.target.value)} data-testid="add-options" rows={3} />
      </label>
      {problem && (
        <div className="accounts__error" role="alert" data-testid="add-account-error">
          {problem}
        </div>
      )}
      <button type="submit" className="button" disabled={busy} data-testid="add-account-submit">
        {t('form.connect')}
      </button>
    </form>
  );
}
