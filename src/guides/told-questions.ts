// Questions told in a sentence rather than listed: "First was — Given two numbers, ...", "Some
// of the questions she asked me — How I ..., What is ..., Difference between ...".
import { asks } from './asking';

// "First was — Given two numbers ...", "Next question was: Find ..."
const TOLD =
  /^(?:the )?(?:first|second|third|next|last|another|other|one|final)\b[\w ]{0,30}?\b(?:was|is)\s*[—–:-]\s*(.+)$/i;
// "Some of the questions she asked me — How I ..., What is ..., Difference between ..."
const TOLD_LIST = /\bquestions?\b[^—:]{0,40}[—:]\s*(.+)$/i;

/** The questions a sentence lists after "questions ... —", split at ", " before a capital. */
function listed(rest: string): string[] {
  const parts = rest.replace(/[.\s]+$/, '').split(/,\s+(?=[A-Z])/);
  const out: string[] = [];
  // "..., And their practical usage" goes on with the one before
  for (const p of parts) {
    const last = out.length - 1;
    if (/^and\b/i.test(p) && last >= 0) out[last] = `${out[last]}, ${p}`;
    else out.push(p.trim());
  }
  return out.length >= 3 ? out : [];
}

/** The questions a sentence tells ("The first was: Find ..."), or none. */
export function toldQuestions(text: string): string[] {
  const one = TOLD.exec(text)?.[1];
  if (one && asks(one) && one.split(/\s+/).length >= 4) return [one.replace(/[.\s]+$/, '')];
  const many = TOLD_LIST.exec(text)?.[1];
  return many ? listed(many) : [];
}
