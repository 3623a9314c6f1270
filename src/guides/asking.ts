// Whether a line asks something: a question mark, or an opening that asks or sets a task
// ("Design ...", "Given ...", "How would you ..."), or a later sentence that does.

const ASKING =
  /^(?:tell|describe|design|implement|write|explain|how|what|why|when|where|which|who|give|walk|find|given|build|create|can you|have you|do you|would you|if you|discuss|talk|share|reverse|merge|sort|compute|determine|estimate|model|count|return|check|list|print|solve|identify|calculate|add|extend|fix|debug|parse|validate|optimi[sz]e|simulate|generate|detect|invert|keep track|track|construct|search|split|partition|replace|swap|delete|move|clone|copy|match|minimi[sz]e|maximi[sz]e|predict|analy[sz]e|prove|define|translate|schedule|allocate|assign|filter|query|evaluate|transform|convert|compare|shuffle|rearrange|serialize|flatten|traverse|encode|decode|compress|decompress|rotate|remove|insert|render|differences? between|you (?:have|are given|want|need|are building|are designing|will be given)|you're given|you'll be given)\b/i;
export function asks(t: string): boolean {
  if (/\?$/.test(t) || ASKING.test(t)) return true;
  // "A system is running slow. How would you debug it?": a later sentence or clause asks
  // (", which helped a lot" goes on with the sentence before it; "If you wish to attend, ..." sets a condition)
  return t
    .split(/[.;,]\s+/)
    .slice(1)
    .some(
      (c) =>
        ASKING.test(c.trim()) &&
        c.trim().split(/\s+/).length >= 3 &&
        !RELATIVE.test(c.trim()) &&
        !LATER_IF.test(c.trim()),
    );
}

// "..., please join us. If you wish to attend, ...": a later "if you" sets a condition, it asks nothing
const LATER_IF = /^if you\b(?!.*\?$)/i;
const RELATIVE =
  /^(?:which|who|whom|whose|where|when)\b(?!\s+(?:is|are|was|were|do|does|did|would|will|can|could|should)\b.*\?$)/i;

// "Do I have enough detail on my resume?", "Am I highlighting my skills?": the writer asks oneself
const ONESELF = /^(?:do|does|did|am|was|should|shall|can|could|have|has|will|would|is|are)\s+(?:i|my)\b/i;

/** A question the writer asks oneself (a checklist), not one an interviewer asks. */
export function asksOneself(t: string): boolean {
  return ONESELF.test(t);
}
