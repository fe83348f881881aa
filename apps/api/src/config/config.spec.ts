import { loadConfig } from './config';

describe('config', () => {
  it('applies defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, SEED_DEMO: 'auto', SESSION_TTL_HOURS: 336, ORG_TIMEZONE: 'Asia/Shanghai' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.dataDir.endsWith('.data')).toBe(true);
  });

  it('refuses bad values with a message naming each variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*LOG_LEVEL/);
  });

  it('needs ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.org' })).toThrow(/together/);
    expect(loadConfig({ ADMIN_EMAIL: 'a@b.org', ADMIN_PASSWORD: 'long-enough-pw' }).ADMIN_EMAIL).toBe('a@b.org');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });
});
