// Slack events carry a user id only. The core wants a display name (for digests and
// summaries) and whether the person is an admin (for admin-only commands), so we ask
// users.info once and remember the answer for a while.
import type { Logger } from 'pino';
import type { Author } from '../../src/chat/types';
import type { SlackApi } from './api';

interface UserInfo {
  user?: {
    id?: string;
    name?: string;
    real_name?: string;
    is_admin?: boolean;
    is_owner?: boolean;
    is_primary_owner?: boolean;
    is_bot?: boolean;
    tz?: string;
    profile?: { display_name?: string; real_name?: string };
  };
}

export class AuthorCache {
  private readonly entries = new Map<string, { author: Author; until: number }>();

  constructor(
    private readonly api: SlackApi,
    private readonly logger: Logger,
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(team: string, userId: string, fallbackName?: string): Promise<Author> {
    const key = `${team}:${userId}`;
    const hit = this.entries.get(key);
    if (hit && hit.until > this.now()) return hit.author;
    let author: Author;
    try {
      const { user } = await this.api.call<UserInfo>(team, 'users.info', { user: userId }, userId);
      const name =
        user?.profile?.display_name ||
        user?.profile?.real_name ||
        user?.real_name ||
        user?.name ||
        fallbackName ||
        userId;
      author = {
        id: userId,
        name,
        isAdmin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
        isBot: Boolean(user?.is_bot),
        ...(user?.tz ? { timezone: user.tz } : {}),
      };
    } catch (err) {
      // Without a name the bot still works: the id stands in, and admin-only commands stay closed.
      this.logger.warn({ err, team, userId }, 'could not look up a Slack user; using the id as the name');
      return { id: userId, name: fallbackName || userId, isAdmin: false };
    }
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(key);
    this.entries.set(key, { author, until: this.now() + this.ttlMs });
    return author;
  }
}
