// The S·T·A·R markers on answers in the terminal: reactions gathered while a line is
// handled and shown afterwards, one line per answer that changed. The group sees a
// letter per part present; what is missing is for the author's private feedback to say.
import type { Ref } from '../../src/chat/types';
import { emojiText, type Style } from './render';

export class Markers {
  private readonly marks = new Map<Ref, Set<string>>();
  private readonly owners = new Map<Ref, string>();
  private readonly dirty = new Set<Ref>();

  constructor(private readonly style: Style) {}

  /** Whose answer `ref` is, for "marker on Ada's answer". */
  own(ref: Ref, name: string): void {
    this.owners.set(ref, name);
  }

  add(ref: Ref, emoji: string): void {
    const set = this.marks.get(ref) ?? new Set<string>();
    set.add(emoji);
    this.marks.set(ref, set);
    this.dirty.add(ref);
  }

  remove(ref: Ref, emoji: string): void {
    this.marks.get(ref)?.delete(emoji);
    this.dirty.add(ref);
  }

  /** The lines for the markers that changed since the last call, as `me` reads them. */
  changed(me: string): string[] {
    const lines = [...this.dirty].map((ref) => {
      const set = this.marks.get(ref) ?? new Set<string>();
      const owner = this.owners.get(ref);
      const letters = ['s', 't', 'a', 'r']
        .filter((c) => set.has(`regional_indicator_${c}`))
        .map((c) => this.style.good(`${c.toUpperCase()} ✓`));
      const others = [...set].filter((e) => !/^regional_indicator_[star]$/.test(e)).map(emojiText);
      const whose = owner === me ? 'your answer' : owner ? `${owner}'s answer` : 'the answer';
      return `${this.style.dim('marker on')} ${whose}: ${[...letters, ...others].join(' · ')}`;
    });
    this.dirty.clear();
    return lines;
  }
}
