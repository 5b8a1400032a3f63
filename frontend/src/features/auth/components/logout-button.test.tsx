import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LogoutButton } from './LogoutButton';

describe('LogoutButton', () => {
  it('is a translated button the browser tests can find', () => {
    const html = renderToStaticMarkup(<LogoutButton onLoggedOut={() => undefined} />);
    expect(html).toContain('data-testid="logout"');
    expect(html).toContain('Log out');
  });
});
