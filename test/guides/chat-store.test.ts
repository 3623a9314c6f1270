// Guides added from the chat, on SQLite and Postgres: a draft is no guide until confirmed, a
// second confirmed guide for a slug replaces the first, and removal drops it.
import { describe, expect, it } from 'vitest';
import {
  chatGuides,
  confirmDraft,
  getDraft,
  mergeChatGuides,
  removeChatGuide,
  saveDraft,
} from '../../src/guides/chat-store';
import { createTestDatabase, databaseKinds } from '../db/databases';
import { ACME, GLOBEX } from '../practice/helpers';

const who = { workspace: 'W', userId: 'U-ada' };
const NOW = new Date('2026-03-02T08:00:00Z');

describe.each(databaseKinds)('chat guides on %s', (kind) => {
  it('keeps drafts apart, replaces a guide confirmed again under its slug, and removes it', async () => {
    const t = await createTestDatabase(kind);
    try {
      const first = await saveDraft(t.db, { ...ACME, source: 'https://a.example/1' }, who, NOW);
      expect(await chatGuides(t.db)).toEqual([]);
      await confirmDraft(t.db, first, NOW);
      const second = await saveDraft(t.db, { ...ACME, source: 'https://a.example/2' }, who, NOW);
      await confirmDraft(t.db, second, NOW);
      expect((await chatGuides(t.db)).map((g) => g.source)).toEqual(['https://a.example/2']);
      expect(await getDraft(t.db, first)).toBeUndefined();
      expect(await removeChatGuide(t.db, ACME.slug)).toBe(true);
      expect(await removeChatGuide(t.db, ACME.slug)).toBe(false);
      expect(await chatGuides(t.db)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('merging with the guide files', () => {
  it('leaves out a chat guide whose slug a file has', () => {
    const merged = mergeChatGuides([ACME], [{ ...ACME, source: 'https://a.example' }, GLOBEX]);
    expect(merged.guides.map((g) => [g.slug, g.source])).toEqual([
      [ACME.slug, ACME.source],
      [GLOBEX.slug, GLOBEX.source],
    ]);
    expect(merged.shadowed.map((g) => g.source)).toEqual(['https://a.example']);
  });
});
