import { platformLabel } from '../lib/labels';
import './badges.css';

const SHORT: Record<string, string> = { shopee: 'Shopee', lazada: 'Lazada', tiktok: 'TikTok' };

export function PlatformBadge({ platform }: { platform: string }) {
  const known = platform in SHORT ? platform : 'other';
  return (
    <span className={`badge badge--platform badge--${known}`} title={platformLabel(platform)} data-platform={platform}>
      {SHORT[platform] ?? platform}
    </span>
  );
}
