// Human labels for the API's codes.

const PLATFORMS: Record<string, string> = { shopee: 'Shopee', lazada: 'Lazada', tiktok: 'TikTok Shop', bridge: 'Bridge' };
const CATEGORIES: Record<string, string> = { pre_sale: 'Pre-sale', in_sale: 'In-sale', after_sale: 'After-sale' };
const STATUSES: Record<string, string> = { queued: 'Queued', assigned: 'Assigned', closed: 'Solved', spam: 'Spam' };

export const platformLabel = (platform: string) => PLATFORMS[platform] ?? platform;
export const categoryLabel = (category: string | null) => (category ? CATEGORIES[category] ?? category : 'Uncategorised');
export const statusLabel = (status: string) => STATUSES[status] ?? status;
export const languageLabel = (language: string | null) => (language ? language.toUpperCase() : '—');
