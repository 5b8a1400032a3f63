import { defineMessages } from '../lib/i18n';

// Strings of the app shell (namespace "app").
export default defineMessages({
  en: {
    'nav.console': 'Supervisor console',
    'nav.accounts': 'Accounts',
    'nav.reports': 'Reports',
    'nav.users': 'Users',
    'nav.classifier': 'Classifier',
    'nav.pages': 'Pages',
    'role.agent': 'agent',
    'role.supervisor': 'supervisor',
    'role.admin': 'admin',
    'select.conversation': 'Select a conversation on the left.',
    back: '← Conversations',
    shortcuts: 'Shortcuts (?)',
    'language.label': 'Language',
    'zone.label': 'Time zone',
    'zone.browser': 'Browser ({{zone}})',
  },
  'zh-CN': {
    'nav.console': '主管控制台',
    'nav.accounts': '店铺账号',
    'nav.reports': '数据报表',
    'nav.users': '用户管理',
    'nav.classifier': '分类模型',
    'nav.pages': '页面',
    'role.agent': '客服',
    'role.supervisor': '主管',
    'role.admin': '管理员',
    'select.conversation': '请在左侧选择一个会话。',
    back: '← 会话列表',
    shortcuts: '快捷键（?）',
    'language.label': '语言',
    'zone.label': '时区',
    'zone.browser': '浏览器（{{zone}}）',
  },
});
