// The employer a saved page's own path gives: its file name ("goldman-sachs.md") or the folder it
// sits in, taken only where the page writes the same name, else only suggested in the refusal.
import { DESCRIPTOR_START, DESCRIPTOR_WORD, NOT_NAME_WORD, ROLE_START } from './employer';

// the date in a file name: "June", "2022", "jun22"
const DATE_WORD =
  /^(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\d{2}|\d{4})?|(?:19|20)\d{2}|\d{1,2})$/i;

// file names that name no one: "index.md", "README.md", "page.html"
const GENERIC_FILE =
  /^(?:index|readme|page|guide|guides|interview|interviews|questions|answers|solutions|notes|experience|default|home|main|untitled|download|post|article|\d+)$/i;

/**
 * The employer a saved page's own file name gives (".../amazon.md", "goldman-sachs.txt"), when the
 * page writes it as a name too: a file name alone ("graphs.md", "kafka.md") is as often a topic as an
 * employer, so it only suggests one (`fileNameGuess`); undefined when the name is generic or too long.
 */
export function employerInFileName(sourceName: string, pageText = ''): string | undefined {
  const words = fileNameWords(sourceName);
  return words && spelledOnPage(words, pageText);
}

/** The name a file name would give ("hubspot.md": Hubspot), to suggest with --employer. */
export function fileNameGuess(sourceName: string): string | undefined {
  return fileNameWords(sourceName)
    ?.map((w) => (w === w.toLowerCase() ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** The parts of a file's path or an address, without its query or a closing slash. */
function pathParts(sourceName: string): string[] {
  return sourceName
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .split(/[\\/]/);
}

function fileNameWords(sourceName: string): string[] | undefined {
  // a saved file's own name ("hubspot.md"), not an address's last part ("/anonymous")
  if (/^https?:\/\//i.test(sourceName)) return undefined;
  const base = pathParts(sourceName).pop() ?? '';
  // ("Uber.java": notes kept in a source file's comment are a page too)
  const stem = base.replace(/\.(?:md|markdown|txt|html?|text|java|py|js|ts|go|c|cc|cpp|cs|kt|rb|scala|swift)$/i, '');
  // "Booking.com_June_2022.md": the date the page was written is not the name
  // ("visaSQLPhoneInterview.md" is four words run together, written in camel case)
  const words = stem
    .replace(/(?<=[a-z])(?=[A-Z])/g, ' ')
    .split(/[-_\s]+/)
    .filter((w) => w && !DATE_WORD.test(w));
  if (words.length === 0 || words.length > 3 || GENERIC_FILE.test(stem) || words.some((w) => GENERIC_FILE.test(w)))
    return undefined;
  // "software-engineer-jd.md", "engineering-culture.md": a name starts with its own word, not a role's or a page's
  const first = words[0] ?? '';
  if (DESCRIPTOR_WORD.test(first) || NOT_NAME_WORD.test(first) || ROLE_START.test(first)) return undefined;
  // ("booking.com" is a name written as its address; "lc.md", "cmp2.md" are a writer's shorthand, not a name)
  return words.every((w) => /^[a-z][a-z&]{2,}(?:\.(?:com|io|ai|co|org|net))?$/i.test(w)) ? words : undefined;
}

/**
 * "visa-sql-phone.md" on a page saying "a phone screen with Visa": the file name's longest leading
 * words the page writes as a capitalised name, in the page's spelling ("Visa"), if any.
 */
function spelledOnPage(words: string[], pageText: string): string | undefined {
  for (let n = words.length; n >= 1; n--) {
    const phrase = words.slice(0, n).join('[ -]');
    const m = new RegExp(String.raw`\b(${phrase})\b`, 'i').exec(pageText);
    if (m?.[1] && /^\p{Lu}/u.test(m[1])) return m[1];
  }
  return undefined;
}

/**
 * A name the page cut short that its path gives whole: "Jane" read from the page, "Jane_Street_Guide.md"
 * (or ".../jane-street/index.md") spelled "Jane Street" on the page, is Jane Street.
 */
export function fullerInPath(name: string, sourceName: string, pageText: string): string {
  for (const part of pathParts(sourceName).slice(-2).reverse()) {
    const words = part
      .replace(/\.(?:md|markdown|txt|html?|text)$/i, '')
      .split(/[-_\s]+/)
      .filter((w) => w && !GENERIC_FILE.test(w) && !NOT_NAME_WORD.test(w) && !DESCRIPTOR_WORD.test(w));
    if (words.length < 2 || words.length > 4 || !words.every((w) => /^[a-z][a-z0-9&]*$/i.test(w))) continue;
    // "dropbox-front-end-interview-questions.md": the words about the job end the name
    const cut = words.findIndex((_, i) => i > 0 && DESCRIPTOR_START.test(words.slice(i).join(' ')));
    if (cut > 0) words.splice(cut);
    const spelled = spelledOnPage(words, pageText);
    if (spelled?.startsWith(`${name} `)) return spelled;
  }
  return name;
}
