// When a new daily or mock question arrives, each member whose bank holds a story
// that fits it is told privately which one; nobody else hears of it.
import { PlatformError } from '../chat/errors';
import type { OutboundMessage } from '../chat/types';
import type { AppContext, AskedQuestion } from '../practice/context';
import type { Story } from './bank';
import { bankOf } from './command';
import { type CompetencyMap, competencies } from './competencies';
import { checksLine } from './render';
import { mockSessionPrefix, storytellersIn } from './store';
import { questionCompetencies } from './tag';

/** The story that shows most of what the question asks about (the better told on a tie). */
export function fittingStory(
  map: CompetencyMap,
  stories: readonly Story[],
  question: string,
  category: string,
): { story: Story; shared: string[] } | undefined {
  const wanted = questionCompetencies(map, question, category);
  let best: { story: Story; shared: string[] } | undefined;
  for (const story of stories) {
    const shared = story.tags.map((t) => t.id).filter((id) => wanted.includes(id));
    if (!shared.length) continue;
    const better =
      !best ||
      shared.length > best.shared.length ||
      (shared.length === best.shared.length && story.best.checksPassed > best.story.best.checksPassed);
    if (better) best = { story, shared };
  }
  return best;
}

function suggestionMessage(map: CompetencyMap, fit: { story: Story; shared: string[] }): OutboundMessage {
  const labels = fit.shared.map((id) => map.find((c) => c.id === id)?.label ?? id).join(', ');
  return {
    kind: 'info',
    title: 'A story from your bank fits this question',
    text: [
      `Story ${fit.story.number}, “${fit.story.title}”, shows ${labels}: this question asks for that.`,
      `Best checks so far: ${checksLine(fit.story.best)}. Tell it again and make it sharper.`,
    ].join('\n'),
    footer: '`/prep stories` lists your whole bank.',
  };
}

async function tell(ctx: AppContext, q: AskedQuestion, userId: string, message: OutboundMessage): Promise<void> {
  const adapter = ctx.adapters.for(q.place);
  if (q.onlyUserId) {
    await adapter.post(q.place, message);
  } else if (adapter.postPrivate) {
    await adapter.postPrivate(q.place, userId, message);
  } else if (adapter.openDirect) {
    await adapter.post(await adapter.openDirect(q.workspace, userId), message);
  }
}

/** Tells each member with a fitting story about it; a member the platform will not reach is skipped. */
export async function suggestStories(ctx: AppContext, q: AskedQuestion): Promise<number> {
  const map = competencies();
  const users = q.onlyUserId ? [q.onlyUserId] : await storytellersIn(ctx.db, q.workspace, q.channel);
  let told = 0;
  // a story told only in this mock interview was just told: pointing back at it is no help
  const thisMock = q.mockSessionId ? mockSessionPrefix(q.mockSessionId) : undefined;
  const elsewhere = (s: Story) => !thisMock || s.answerIds.some((id) => !id.startsWith(thisMock));
  for (const userId of users) {
    const bank = (await bankOf(ctx, q.workspace, userId)).filter(elsewhere);
    const fit = fittingStory(map, bank, q.questionText, q.category);
    if (!fit) continue;
    try {
      await tell(ctx, q, userId, suggestionMessage(map, fit));
      told++;
    } catch (err) {
      if (!(err instanceof PlatformError)) throw err;
      ctx.logger.warn({ kind: err.kind, code: err.code }, 'could not suggest a story');
    }
  }
  return told;
}
