// Turns a saved employer interview-guide page (plain text copied from the site) into
// a structured Guide. The pages share one layout: a "What is a <role> at <employer>?"
// title, then named sections. Questions hide in three shapes, and several lookalikes
// (FAQ questions, "Be ready to go over" topics) must not be taken for them. The layout's
// lines are in layout.ts, the reading in read-page.ts, one reader per section in
// sections.ts; this file checks what was read and makes the guide of it.
import { findAliases } from './aliases';
import { GuideParseError } from './errors';
import { checkInput, type ParseOverrides } from './input';
import { type PageState, startPage, type Title } from './page-state';
import { guideQuestionsOf } from './questions';
import { readPage } from './read-page';
import { type Guide, GuideSchema, slugify } from './schema';
import { tokenize } from './tokens';

/**
 * Parse a saved guide page. `sourceName` (usually the file's base name) is kept in
 * the guide and used in error messages.
 */
export function parseGuidePage(text: string, sourceName: string, overrides: ParseOverrides = {}): Guide {
  const s = startPage(sourceName, tokenize(checkInput(text, sourceName)));
  readPage(s);
  const title = checkRead(s);
  const { employer, role, slug } = whoseGuide(sourceName, title, overrides);
  const guide: Guide = {
    slug,
    employer,
    aliases: findAliases(
      employer,
      s.tokens.map((t) => t.text),
    ),
    role,
    overview: s.overview.join('\n\n'),
    questions: guideQuestionsOf(slug, s.questions),
    evaluationAreas: s.evaluationAreas,
    process: s.process,
    responsibilities: s.responsibilities,
    requirements: {
      mustHave: s.mustHave,
      niceToHave: s.niceToHave,
      ...(s.qualifications.length ? { qualifications: s.qualifications } : {}),
    },
    faqs: s.faqs,
    tips: s.tips,
    focusAreas: s.focusAreas,
    source: sourceName,
  };
  return validated(sourceName, guide);
}

/** The page's title, once the page proved to be a guide in this layout. */
function checkRead(s: PageState): Title {
  if (!s.title) {
    throw new GuideParseError(
      `${s.sourceName} does not look like an interview guide page: no title line such as ` +
        '"What is a Software Engineer at Acme?" was found. Save the whole guide page, starting from its title.',
      'no-title',
    );
  }
  if (s.sectionsSeen === 0 && s.questions.length === 0) {
    throw new GuideParseError(
      `${s.sourceName} has a title but none of the guide's sections ("Common Interview Questions", ` +
        '"Interview Process Overview", "Frequently Asked Questions", ...). Save the whole guide page, not just its top.',
      'no-sections',
    );
  }
  return s.title;
}

function whoseGuide(sourceName: string, title: Title, overrides: ParseOverrides) {
  const employer = overrides.employer?.trim() || title.employer;
  const role = overrides.role?.trim() || title.role;
  if (!employer) {
    throw new GuideParseError(
      `${sourceName}: the title on line ${title.line} names the role (${title.role}) but no employer. ` +
        `Say which employer it is: starling guide import ${sourceName} --employer "Acme"`,
    );
  }
  const slug = slugify(`${employer} ${role}`);
  if (!slug) {
    throw new GuideParseError(
      `${sourceName}: the title on line ${title.line} names no employer or role in letters or digits.`,
    );
  }
  return { employer, role, slug };
}

function validated(sourceName: string, guide: Guide): Guide {
  const checked = GuideSchema.safeParse(guide);
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw new GuideParseError(
      `${sourceName}: the page was read but the result is not a valid guide (${first?.path.join('.') || 'guide'}: ${first?.message}).`,
    );
  }
  return checked.data;
}
