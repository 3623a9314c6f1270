// Typeahead in Slack modals: an `external_select` whose action id names what it
// suggests asks Slack for options as the member types (`block_suggestion`); the
// answer comes from the core, the same list Discord's autocomplete shows.

/** What a select can suggest; the core's autocomplete kinds. */
export type SuggestKind = 'employer' | 'category';

export type Suggest = (kind: SuggestKind, prefix: string) => { name: string; value: string }[];

const PREFIX = 'suggest:';
const KINDS: readonly SuggestKind[] = ['employer', 'category'];
/** Slack shows at most 100 options; a label or value longer than 75 characters is refused. */
const MAX_OPTIONS = 100;
const MAX_TEXT = 75;

/** An `external_select` for a modal input: employers from the guides as the member types. */
export function suggestSelect(kind: SuggestKind, placeholder: string) {
  return {
    type: 'external_select',
    action_id: `${PREFIX}${kind}`,
    placeholder: { type: 'plain_text', text: placeholder.slice(0, 150) },
    min_query_length: 0,
  };
}

function kindOf(actionId: string): SuggestKind | undefined {
  const kind = actionId.startsWith(PREFIX) ? actionId.slice(PREFIX.length) : '';
  return KINDS.find((k) => k === kind);
}

const clip = (s: string) => (s.length <= MAX_TEXT ? s : `${s.slice(0, MAX_TEXT - 1)}…`);

/** The options a `block_suggestion` gets: none for a select Starling did not build. */
export function suggestionOptions(suggest: Suggest | undefined, actionId: string, typed: string) {
  const kind = kindOf(actionId);
  if (!kind || !suggest) return { options: [] };
  const options = suggest(kind, typed.trim())
    .filter((s) => s.value.length <= MAX_TEXT)
    .slice(0, MAX_OPTIONS)
    .map((s) => ({ text: { type: 'plain_text' as const, text: clip(s.name) }, value: s.value }));
  return { options };
}
