// Times travel through outbound text as tokens; each platform shows them its own way.
import { describe, expect, it } from 'vitest';
import { render } from '../../adapters/discord/format';
import { renderPosts } from '../../adapters/slack/render';
import { plainTimes, timeToken } from '../../src/chat/time';

const AT = Date.parse('2026-03-02T08:00:00Z');
const message = {
  text: `Next: ${timeToken(AT, 'moment', 'Mon 2 Mar 09:00 (Europe/Berlin)')}, closes ${timeToken(AT + 3_600_000, 'relative', 'in 1 hour')}.`,
  title: `Snoozed until ${timeToken(AT, 'date', '2026-03-02')}`,
  kind: 'digest' as const,
};

describe('time tokens', () => {
  it('read as the core’s words where a platform has no time markup (the terminal, logs)', () => {
    expect(plainTimes(message.text)).toBe('Next: Mon 2 Mar 09:00 (Europe/Berlin), closes in 1 hour.');
  });

  it('become Discord timestamps, except in an embed title, which shows no markup', () => {
    const [payload] = render(message);
    const embed = payload?.embeds?.[0];
    expect(embed?.description).toBe(`Next: <t:${AT / 1000}:F>, closes <t:${AT / 1000 + 3600}:R>.`);
    expect(embed?.title).toBe('Snoozed until 2026-03-02');
    const [plain] = render({ ...message, kind: 'info' });
    expect(plain?.content).toContain(`**Snoozed until <t:${AT / 1000}:D>**`);
  });

  it('show the words on Slack, with no token left over', () => {
    const shown = JSON.stringify(renderPosts(message));
    expect(shown).toContain('Next: Mon 2 Mar 09:00 (Europe/Berlin), closes in 1 hour.');
    expect(shown).not.toContain('<time:');
  });

  it('cannot be broken by the words they carry', () => {
    expect(plainTimes(timeToken(AT, 'date', 'a <b> | c'))).toBe('a b  c');
  });
});
