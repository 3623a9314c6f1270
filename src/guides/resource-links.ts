// A list item that is a resource to read or watch, not a question: a title and a link to a video,
// a post or a thread ("Why your resume gets auto-rejected: https://www.youtube.com/...",
// "[How I got into Google](https://medium.com/...)"). A link to a problem ("Two Sum:
// https://leetcode.com/problems/two-sum") still names the question.

// where talks, posts and threads live, not problems
const MEDIA_HOST =
  /^(?:www\.|m\.|mobile\.)?(?:youtube\.com|youtu\.be|vimeo\.com|twitter\.com|x\.com|(?:[\w-]+\.)?medium\.com|(?:[\w-]+\.)?substack\.com|news\.ycombinator\.com|(?:old\.)?reddit\.com|dev\.to|betterprogramming\.pub|levelup\.gitconnected\.com|freecodecamp\.org|hashnode\.com|linkedin\.com\/(?:posts|pulse))(?:[/?#]|$)/i;

// "Title: https://...", "Title - https://...", "[Title](https://...)" and nothing after the link
const TITLED_LINK =
  /^(?:\S.{0,200}?(?::|\s[-–—])\s*<?https?:\/\/([^\s>]+)>?|\[[^\]]{3,200}\]\(https?:\/\/([^\s)]+)\))\s*$/i;

/** Whether an item's raw text is a titled link to a video, post or thread. */
export function isResourceLink(raw: string): boolean {
  const m = TITLED_LINK.exec(raw.trim());
  const address = m?.[1] ?? m?.[2];
  return address !== undefined && MEDIA_HOST.test(address);
}
