/** The page could not be read as a guide; the message says why and what to do. */
export class GuideParseError extends Error {
  override readonly name = 'GuideParseError';
  constructor(
    message: string,
    /**
     * 'no-title': the page is not in the shipped site's layout (another front may read it);
     * 'no-sections': a line looked like the layout's title ("What is an API?") but none of its
     * sections followed, so the page may be in another layout too;
     * 'no-employer': questions were found but no one employer, and the message says how to name it.
     */
    readonly reason?: 'no-title' | 'no-sections' | 'no-employer',
  ) {
    super(message);
  }
}
