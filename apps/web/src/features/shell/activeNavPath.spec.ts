import { activeNavPath } from './NavBar';

describe('the active navigation entry', () => {
  const paths = ['/', '/topics', '/topics/mine', '/outcomes', '/outcomes/dashboard', '/admin/duty', '/admin/duty-rules'];

  it('is the most specific entry whose path contains the page', () => {
    expect(activeNavPath('/outcomes/dashboard', paths)).toBe('/outcomes/dashboard');
    expect(activeNavPath('/outcomes/0b7c', paths)).toBe('/outcomes');
    expect(activeNavPath('/topics/mine', paths)).toBe('/topics/mine');
    expect(activeNavPath('/topics/new', paths)).toBe('/topics');
  });

  it('matches whole path segments only, and home only on /', () => {
    expect(activeNavPath('/admin/duty-rules', paths)).toBe('/admin/duty-rules');
    expect(activeNavPath('/admin/duty', paths)).toBe('/admin/duty');
    expect(activeNavPath('/', paths)).toBe('/');
    expect(activeNavPath('/meetings', paths)).toBeUndefined();
  });
});
