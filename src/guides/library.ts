// The loaded guides and the employer lookup every command uses: people type "chop",
// "Children's Hospital", "harvard-medical" or "goggle", and get a guide or the
// closest ones to choose from.

import { UserError } from '../chat/errors';
import { editDistance } from '../text/edit-distance';
import type { Guide, GuideQuestion, QuestionCategory } from './schema';

export type LibraryQuestion = GuideQuestion & { guide: Guide };

/** Lowercase letters and digits only: "Children's Hospital" and "childrens-hospital" meet. */
function compact(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}

function wordsOf(value: string): string[] {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['‘’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// Beyond this share of edits a name is no longer "close" to what was typed.
const CLOSE_ENOUGH = 0.5;
const MAX_QUERY = 100;

interface Entry {
  guide: Guide;
  /** Compact forms of the name, slug, aliases and "name role". */
  keys: string[];
  words: string[];
}

export class GuideLibrary {
  private readonly guides: Guide[];
  private readonly entries: Entry[];
  private readonly bySlug = new Map<string, Guide>();
  private readonly byQuestion = new Map<string, LibraryQuestion>();
  private readonly allQuestions: LibraryQuestion[] = [];

  constructor(guides: Guide[]) {
    this.guides = [...guides].sort(
      (a, b) => a.employer.localeCompare(b.employer) || a.role.localeCompare(b.role) || a.slug.localeCompare(b.slug),
    );
    for (const guide of this.guides) {
      if (this.bySlug.has(guide.slug)) throw new Error(`Two guides share the slug "${guide.slug}".`);
      this.bySlug.set(guide.slug, guide);
      for (const q of guide.questions) {
        if (this.byQuestion.has(q.id)) throw new Error(`Two questions share the id "${q.id}".`);
        const entry = { ...q, guide };
        this.byQuestion.set(q.id, entry);
        this.allQuestions.push(entry);
      }
    }
    this.entries = this.guides.map((guide) => ({
      guide,
      keys: [guide.employer, guide.slug, ...guide.aliases, `${guide.employer} ${guide.role}`]
        .map(compact)
        .filter(Boolean),
      words: [...wordsOf(guide.employer), ...wordsOf(guide.role)],
    }));
  }

  all(): Guide[] {
    return [...this.guides];
  }

  /**
   * A guide by full name, slug, alias or unambiguous prefix, ignoring case and
   * punctuation. Without one, `candidates` holds the closest guides (every match
   * when the name was ambiguous).
   */
  lookup(query: string): { guide?: Guide; candidates: Guide[] } {
    const q = compact(query.slice(0, MAX_QUERY));
    if (!q) return { candidates: this.all() };
    for (const match of [(key: string) => key === q, (key: string) => key.startsWith(q)]) {
      const hits = this.entries.filter((e) => e.keys.some(match)).map((e) => e.guide);
      if (hits.length === 1) return { guide: hits[0], candidates: [] };
      if (hits.length > 1) return { candidates: hits };
    }
    return { candidates: this.closest(q).map((c) => c.guide) };
  }

  /** Like `lookup`, but a missing or ambiguous guide is a refusal the user reads. */
  resolve(query: string): Guide {
    const { guide, candidates } = this.lookup(query);
    if (guide) return guide;
    if (this.guides.length === 0) {
      throw new UserError(
        'No employer guides are loaded yet. An organiser can add one by saving a guide page as text and importing it.',
        'npx starling guide import saved-page.txt',
      );
    }
    const shown = query.trim().slice(0, 60);
    if (!compact(shown)) {
      throw new UserError(
        `Name an employer. Guides: ${this.names(candidates.slice(0, 5))}.`,
        this.exampleFor(candidates[0] ?? (this.guides[0] as Guide)),
      );
    }
    const q = compact(query.slice(0, MAX_QUERY));
    const exactOrPrefix = this.entries.some((e) => e.keys.some((k) => k.startsWith(q)));
    if (exactOrPrefix) {
      throw new UserError(
        `"${shown}" matches ${candidates.length} guides: ${this.names(candidates)}. Say which one.`,
        this.exampleFor(candidates[0] as Guide),
      );
    }
    const close = this.closest(q).filter((c) => c.score <= CLOSE_ENOUGH);
    const listed = close.length > 0 ? close.map((c) => c.guide) : this.guides.slice(0, 5);
    throw new UserError(
      `No guide for "${shown}". ${close.length > 0 ? 'Closest' : 'Guides available'}: ${this.names(listed)}.`,
      this.exampleFor(listed[0] as Guide),
    );
  }

  /** Choices for an employer autocomplete; `value` is the slug. */
  complete(prefix: string, limit = 25): { name: string; value: string }[] {
    const q = compact(prefix.slice(0, MAX_QUERY));
    let ranked: Guide[];
    if (!q) ranked = this.all();
    else {
      const qWords = wordsOf(prefix);
      const rank = (e: Entry): number => {
        if (e.keys.some((k) => k === q)) return 0;
        if (e.keys.some((k) => k.startsWith(q))) return 1;
        if (qWords.length > 0 && qWords.every((w) => e.words.some((x) => x.startsWith(w)))) return 2;
        if (q.length >= 3 && e.keys.some((k) => k.includes(q))) return 3;
        return 4;
      };
      const scored = this.entries.map((e) => ({ e, r: rank(e) })).filter((x) => x.r < 4);
      ranked =
        scored.length > 0
          ? scored.sort((a, b) => a.r - b.r).map((x) => x.e.guide)
          : this.closest(q)
              .filter((c) => c.score <= CLOSE_ENOUGH)
              .map((c) => c.guide);
    }
    return ranked.slice(0, Math.max(0, limit)).map((guide) => ({ name: this.choiceName(guide), value: guide.slug }));
  }

  /** Every question, optionally only one employer's (by slug or any name lookup accepts) or one category's. */
  questions(filter: { employer?: string; category?: QuestionCategory } = {}): LibraryQuestion[] {
    let guide: Guide | undefined;
    if (filter.employer !== undefined) {
      guide = this.bySlug.get(filter.employer) ?? this.lookup(filter.employer).guide;
      if (!guide) return [];
    }
    return this.allQuestions.filter(
      (q) => (!guide || q.guide === guide) && (!filter.category || q.category === filter.category),
    );
  }

  question(id: string): LibraryQuestion | undefined {
    return this.byQuestion.get(id);
  }

  /** How a guide is named to people: the employer, plus the role when the employer has several guides. */
  displayName(guide: Guide): string {
    const shared = this.guides.filter((g) => g.employer === guide.employer).length > 1;
    return shared ? `${guide.employer} (${guide.role})` : guide.employer;
  }

  private choiceName(guide: Guide): string {
    const alias = guide.aliases[0];
    const base = this.displayName(guide);
    const name = alias ? `${base} · ${alias}` : base;
    return name.length > 100 ? `${name.slice(0, 99)}…` : name;
  }

  private names(guides: Guide[]): string {
    return guides.map((g) => this.displayName(g)).join(', ');
  }

  /** The shortest name that picks this guide alone, to show as an example. */
  private exampleFor(guide: Guide): string {
    const options = [...guide.aliases, guide.employer, guide.slug];
    return options.find((name) => this.lookup(name).guide === guide) ?? guide.slug;
  }

  private closest(q: string): { guide: Guide; score: number }[] {
    const scored = this.entries.map((e) => {
      let score = 1;
      for (const key of e.keys) {
        score = Math.min(score, editDistance(q, key) / Math.max(q.length, key.length));
        // A mistyped start of a long name: "harvrd" against "harvard...".
        for (let len = Math.max(1, q.length - 1); len <= q.length + 1 && len <= key.length; len++) {
          score = Math.min(score, (editDistance(q, key.slice(0, len)) + 0.5) / Math.max(q.length, len));
        }
        if (q.length >= 3 && key.includes(q)) score = Math.min(score, 0.2);
      }
      if (q.length >= 3 && e.words.some((w) => w.startsWith(q))) score = Math.min(score, 0.1);
      return { guide: e.guide, score };
    });
    return scored.sort((a, b) => a.score - b.score).slice(0, 5);
  }
}
