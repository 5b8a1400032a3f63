import { useTranslation } from 'react-i18next';

// The zones of the markets the teams serve; anything else can be saved through the API.
const ZONES = ['Asia/Shanghai', 'Asia/Kuala_Lumpur', 'Asia/Singapore', 'Asia/Bangkok', 'Asia/Ho_Chi_Minh', 'Asia/Jakarta',
  'Asia/Manila', 'Asia/Taipei', 'UTC'];

/** The time zone dates and times are shown in: the browser's unless the user chose one. */
export function TimeZoneSwitch({ zone, onChange }: { zone: string; onChange: (zone: string | null) => void }) {
  const { t } = useTranslation('app');
  const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const options = ZONES.includes(zone) || zone === browser ? ZONES : [zone, ...ZONES];
  return (
    <select
      className="topbar__select"
      data-testid="zone-switch"
      aria-label={t('zone.label')}
      title={t('zone.label')}
      value={zone === browser ? '' : zone}
      onChange={(e) => onChange(e.target.value || null)}
    >
      <option value="">{t('zone.browser', { zone: browser })}</option>
      {options.filter((z) => z !== browser).map((z) => (
        <option key={z} value={z}>
          {z}
        </option>
      ))}
    </select>
  );
}
