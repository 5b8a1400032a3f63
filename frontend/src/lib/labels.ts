import { i18n } from './i18n';

// Human labels for the API's codes, in the user's language.

const PLATFORMS: Record<string, string> = { shopee: 'Shopee', lazada: 'Lazada', tiktok: 'TikTok Shop' };
const CATEGORIES = ['pre_sale', 'in_sale', 'after_sale'];
const STATUSES = ['queued', 'assigned', 'closed', 'spam'];
const PRIORITIES = ['critical', 'urgent', 'normal'];

const TRANSLATED_PLATFORMS = ['bridge', 'pinduoduo', 'taobao', 'douyin', 'kuaishou'];

export const platformLabel = (platform: string) =>
  TRANSLATED_PLATFORMS.includes(platform) ? i18n.t(`common:platform.${platform}`) : PLATFORMS[platform] ?? platform;
export const categoryLabel = (category: string | null) =>
  !category ? i18n.t('common:category.none') : CATEGORIES.includes(category) ? i18n.t(`common:category.${category}`) : category;
export const statusLabel = (status: string) => (STATUSES.includes(status) ? i18n.t(`common:status.${status}`) : status);
export const priorityLabel = (priority: string) => (PRIORITIES.includes(priority) ? i18n.t(`common:priority.${priority}`) : priority);
export const languageLabel = (language: string | null) => (language ? language.toUpperCase() : '—');
