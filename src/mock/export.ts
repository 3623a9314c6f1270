// A member's mock interviews in `/prep export`: every session, its questions, the
// answers with follow-up replies merged in, and the analyses before and after.
import type { Db } from '../practice/store/db';
import { itemsOf, sessionsOf } from './store';
import { parseJson } from './turn';

export interface ExportedMockSession {
  id: string;
  startedIn: string;
  heldIn: string;
  status: string;
  closedReason: string | null;
  startedAt: string;
  closedAt: string | null;
  questions: {
    position: number;
    question: { id: string; text: string; employer: string; category: string };
    state: string;
    answer: string | null;
    followupsAsked: number;
    analysisBefore: unknown;
    analysisAfter: unknown;
  }[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export async function exportMockSessions(db: Db, workspace: string, userId: string): Promise<ExportedMockSession[]> {
  const out: ExportedMockSession[] = [];
  for (const s of (await sessionsOf(db, workspace, userId)).reverse()) {
    const items = await itemsOf(db, s.id);
    out.push({
      id: s.id,
      startedIn: s.channel_ref,
      heldIn: s.place_ref,
      status: s.status,
      closedReason: s.closed_reason,
      startedAt: iso(s.created_at) ?? '',
      closedAt: iso(s.closed_at),
      questions: items.map((i) => ({
        position: Number(i.position) + 1,
        question: { id: i.question_id, text: i.question_text, employer: i.employer, category: i.category },
        state: i.state,
        answer: i.answer_text,
        followupsAsked: Number(i.followups_asked),
        analysisBefore: parseJson(i.first_analysis) ?? null,
        analysisAfter: parseJson(i.last_analysis) ?? null,
      })),
    });
  }
  return out;
}

/** The sessions as readable Markdown, for the export's .md file. */
export function mockMarkdown(sessions: ExportedMockSession[]): string[] {
  const lines: string[] = [];
  for (const s of sessions) {
    lines.push(
      '',
      `## Mock interview, ${s.startedAt}`,
      '',
      `${s.status}${s.closedReason ? ` (${s.closedReason})` : ''}`,
    );
    for (const q of s.questions) {
      lines.push(
        '',
        `### ${q.position}. ${q.question.text}`,
        '',
        `${q.question.employer} · ${q.question.category} · ${q.state}`,
      );
      if (q.answer) lines.push('', ...q.answer.split('\n').map((l) => `> ${l}`));
    }
  }
  return lines;
}
