import type { DocumentAccessFacts } from './document-access';
import { canCreateDocument, documentPermissions, documentRoleOf } from './document-access';

const admin = { id: 'a', roles: ['admin'] as const };
const chair = { id: 'c', roles: ['chair', 'member'] as const };
const leader = { id: 'l', roles: ['leader'] as const };
const member = { id: 'm', roles: ['member'] as const };
const dept = { id: 'd', roles: ['department'] as const };
const observer = { id: 'o', roles: ['observer'] as const };

const facts = (f: Partial<DocumentAccessFacts> = {}): DocumentAccessFacts => ({ kind: 'minutes', state: 'draft', memberRole: null, meeting: { state: 'live', invited: false }, ...f });

describe('documentRoleOf', () => {
  it('gives the office the editor role on every document, even a private blank draft', () => {
    for (const kind of ['minutes', 'report', 'recommendation', 'blank'] as const) expect(documentRoleOf(admin, facts({ kind }))).toBe('editor');
  });

  it('gives assigned people their assigned role, above what the meeting would give them', () => {
    expect(documentRoleOf(member, facts({ memberRole: 'editor', meeting: { state: 'live', invited: true } }))).toBe('editor');
    expect(documentRoleOf(dept, facts({ kind: 'report', memberRole: 'commenter', meeting: null }))).toBe('commenter');
  });

  it("lets the meeting's participants comment on its minutes and read its other documents", () => {
    const invited = { meeting: { state: 'live' as const, invited: true } };
    expect(documentRoleOf(member, facts(invited))).toBe('commenter');
    expect(documentRoleOf(member, facts({ kind: 'report', ...invited }))).toBe('reader');
    expect(documentRoleOf(member, facts({ kind: 'blank', ...invited }))).toBe('reader');
  });

  it('lets the chair and leaders read minutes and reports but not private blank drafts', () => {
    for (const v of [chair, leader]) {
      expect(documentRoleOf(v, facts())).toBe('reader');
      expect(documentRoleOf(v, facts({ kind: 'recommendation', meeting: null }))).toBe('reader');
      expect(documentRoleOf(v, facts({ kind: 'blank', meeting: null }))).toBeNull();
    }
  });

  it('hides drafts from everyone else', () => {
    for (const v of [member, dept, observer]) {
      expect(documentRoleOf(v, facts())).toBeNull();
      expect(documentRoleOf(v, facts({ kind: 'report', meeting: null, state: 'in_review' }))).toBeNull();
    }
  });

  it("opens a finalized report or minutes to everyone who may see the subject, never a blank draft", () => {
    for (const v of [member, dept, observer]) {
      expect(documentRoleOf(v, facts({ state: 'finalized' }))).toBe('reader');
      expect(documentRoleOf(v, facts({ kind: 'report', state: 'finalized', meeting: null }))).toBe('reader');
      expect(documentRoleOf(v, facts({ kind: 'blank', state: 'finalized', meeting: null }))).toBeNull();
      // an unpublished meeting (still being prepared) keeps its finalized minutes to its invitees
      expect(documentRoleOf(v, facts({ state: 'finalized', meeting: { state: 'preparing', invited: false } }))).toBeNull();
    }
  });
});

describe('documentPermissions', () => {
  it('makes a finalized document read-only for every role', () => {
    for (const role of ['editor', 'commenter', 'reader'] as const) {
      expect(documentPermissions(member, role, 'finalized')).toMatchObject({ edit: false, comment: false, manageVersions: false });
    }
  });

  it('lets editors edit and comment, commenters comment, readers read', () => {
    expect(documentPermissions(member, 'editor', 'in_review')).toEqual({ edit: true, comment: true, manageVersions: true, manageMembers: false });
    expect(documentPermissions(member, 'commenter', 'draft')).toEqual({ edit: false, comment: true, manageVersions: false, manageMembers: false });
    expect(documentPermissions(member, 'reader', 'draft')).toEqual({ edit: false, comment: false, manageVersions: false, manageMembers: false });
    expect(documentPermissions(admin, 'editor', 'finalized').manageMembers).toBe(true);
  });
});

describe('canCreateDocument', () => {
  it('lets the office create anything, the host the minutes, the chair reports, members blank drafts', () => {
    expect(canCreateDocument(admin, 'minutes', { isMeetingHost: false })).toBe(true);
    expect(canCreateDocument(member, 'minutes', { isMeetingHost: true })).toBe(true);
    expect(canCreateDocument(chair, 'minutes', { isMeetingHost: false })).toBe(false);
    expect(canCreateDocument(chair, 'report', { isMeetingHost: false })).toBe(true);
    expect(canCreateDocument(member, 'recommendation', { isMeetingHost: false })).toBe(false);
    expect(canCreateDocument(member, 'blank', { isMeetingHost: false })).toBe(true);
    expect(canCreateDocument(observer, 'blank', { isMeetingHost: false })).toBe(false);
  });
});
