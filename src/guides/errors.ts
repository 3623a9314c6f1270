/** The page could not be read as a guide; the message says why and what to do. */
export class GuideParseError extends Error {
  override readonly name = 'GuideParseError';
  constructor(
    message: string,
    /** 'no-title': the page is not in the shipped site's layout (another front may read it). */
    readonly reason?: 'no-title',
  ) {
    super(message);
  }
}
