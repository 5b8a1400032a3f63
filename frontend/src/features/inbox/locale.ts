import { defineMessages } from '../../lib/i18n';

export default defineMessages({
  en: {
    title: 'Inbox',
    label: 'Conversations',
    open: '{{count}} open',
    urgent: ' · {{count}} urgent',
    empty: 'No open conversations. New ones appear here as buyers write.',
    loadFailed: 'Could not load the conversations.',
    you: 'You: {{text}}',
    noMessages: 'No messages yet',
    language: 'Language',
    answered: 'answered',
    firstDue: '{{waiting}}; first response due',
    firstOverdue: '{{waiting}}; first response overdue',
  },
  'zh-CN': {
    title: '收件箱',
    label: '会话',
    open: '{{count}} 个进行中',
    urgent: ' · {{count}} 个紧急',
    empty: '暂无进行中的会话。买家来信后会显示在这里。',
    loadFailed: '无法加载会话列表。',
    you: '我：{{text}}',
    noMessages: '暂无消息',
    language: '语言',
    answered: '已回复',
    firstDue: '{{waiting}}；首次回复即将到期',
    firstOverdue: '{{waiting}}；首次回复已超时',
  },
});
