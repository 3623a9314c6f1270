// How a Task is told, above all in speech, in cue families rather than set phrases: a duty or
// obligation verb ("had to", "needed to", "was supposed to"), a goal word as the subject of
// "was" whatever follows ("my goal was, hey, ...", "the challenge was getting everyone to
// agree"), what someone wanted or asked for ("what they wanted was", "they asked me to"), and
// a problem to be worked out ("I needed to figure out how"). Where the sentence sits against
// the answer's first deed (a Task comes before the steps) is read in vector.ts.

/** A duty or obligation: someone had to, needed to, was expected to. */
export const OBLIGATION =
  /\b(?:had|have|has|needed|need|needs|got|was going|were going) to\b|\b(?:must|gotta|supposed to|expected to|required to|meant to|obliged to)\b/;

/** A goal, job or problem named as the subject of a copula, whatever follows it. */
export const GOAL_FRAME =
  /\b(?:my|our|the|their|his|her|main|big|biggest|first|one of the) (?:\w+ ){0,2}?(?:goal|job|task|role|aim|mission|objective|target|challenge|problem|issue|ask|brief|assignment|responsibility|idea|plan|point|priority|focus|deadline|requirement)s? (?:(?:here|there|then|really|basically|just|kind of|sort of|at the time|at that point) )*(?:was|were|is|are|became)\b/;

/** What someone wanted, asked for or expected of the speaker. */
export const WANTED =
  /\bwhat (?:\w+ ){0,3}?(?:wanted|needed|asked for|expected|was asking for|were asking for|had in mind) (?:\w+ )?(?:was|were|is)\b|\b(?:asked|told|wanted|needed|expected|got|assigned|put) (?:me|us) (?:to|in charge|on)\b|\b(?:i|we) (?:was|were|got) (?:asked|told|put in charge|put on|given|handed|assigned)\b/;

/** A problem to be worked out: "figure out", "find a way", "work out how". */
export const WORK_OUT =
  /\b(?:figure (?:out|it out)|figuring out|work out (?:how|what|why|whether|a way)|find (?:a way|out how|out why|out what|a solution)|come up with (?:a|some)|sort (?:it|this|that) out|get (?:it|this|that|them|everything|everyone) (?:done|working|fixed|ready|back|to agree|on board))\b/;

/**
 * The speaker's aim or duty told with a word between ("I also had to", "I actually wanted to",
 * "I knew I needed to", "we realised we had to"), or responsibility taken on.
 */
export const OWN_AIM =
  /\b(?:i|we) (?:(?:also|actually|really|just|first|then|still|definitely|originally|initially|ultimately|now|knew|realised|realized|decided|felt|thought|figured)(?: that)?(?: i| we)? )?(?:had|needed|wanted|aimed|set out|was trying|were trying|planned|intended|hoped) to\b|\b(?:took|take|taking) (?:on )?(?:overall |full |the )?(?:responsibility|ownership|charge)\b|\b(?:my|our) (?:instructions|orders|brief|remit|mandate) (?:was|were)\b/;
