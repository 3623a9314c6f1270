// Replies many requests share (help, tips, refusals) are rendered once; what a member reads must
// be exactly what a fresh rendering gives, and nothing about their own answers is kept.
import { describe, expect, it } from 'vitest';
import { renderPosts } from '../../adapters/slack/render';
import { renderShared } from '../../adapters/slack/render-cache';
import type { OutboundMessage } from '../../src/chat/types';

const help: OutboundMessage = {
  kind: 'info',
  title: 'Starling: your interview study group',
  text: 'Answer in the thread with **one** story.\n\n`/prep tips <employer>` - what an employer looks for',
  footer: '`/prep help <command>` for examples',
};

describe('replies rendered once', () => {
  it('gives a repeated help page the same blocks a fresh rendering gives, without rendering it again', () => {
    const first = renderShared({ ...help });
    const again = renderShared({ ...help });
    expect(again).toEqual(renderPosts(help));
    expect(again).toBe(first);
  });

  it('renders the new title or footer when only the text is the same', () => {
    renderShared(help);
    const retitled = renderShared({ ...help, title: 'Starling in this DM' });
    expect(retitled).toEqual(renderPosts({ ...help, title: 'Starling in this DM' }));
    const refooted = renderShared({ ...help, footer: undefined });
    expect(JSON.stringify(refooted)).not.toContain('for examples');
  });

  it("renders a member's feedback afresh every time and keeps none of it", () => {
    const feedback: OutboundMessage = { kind: 'feedback', text: 'Your **Result** is clear: errors fell to 0.2%.' };
    const a = renderShared(feedback);
    const b = renderShared(feedback);
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
  });

  it('renders messages with buttons afresh, so each keeps its own buttons', () => {
    const withButton: OutboundMessage = { ...help, buttons: [{ id: 'confirm', label: 'Add it', value: '1' }] };
    expect(renderShared(withButton)).not.toBe(renderShared({ ...withButton }));
  });

  it('stays right after more distinct pages than it keeps', () => {
    const pages = Array.from({ length: 200 }, (_, i) => ({ ...help, text: `Tips for employer ${i}` }));
    for (const p of pages) renderShared(p);
    for (const p of [pages[0], pages[150], pages[199]] as OutboundMessage[]) {
      expect(renderShared(p)).toEqual(renderPosts(p));
    }
  });
});
