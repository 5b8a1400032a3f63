import { defineMessages } from '../../lib/i18n';

export default defineMessages({
  en: { label: 'My status', failed: 'Could not change the status', online: 'Online', away: 'Away' },
  'zh-CN': { label: '我的状态', failed: '无法更改状态', online: '在线', away: '离开' },
});
