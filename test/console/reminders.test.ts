// The terminal study group with reminders and an interview date: the real console
// adapter driven through streams, the real core on SQLite, and a clock the test
// moves to the day before the interview instead of waiting for it.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/index';
import { buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { loadConfig } from '../../src/config';
import { openSqlite } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { loadGuides } from '../../src/guides/load';
import { silentLogger } from '../../src/logger';

const COMPLETE =
  'Last spring at my previous job our checkout service was failing during peak sales. As the on-call lead, my goal was to stop the outages before the launch. I profiled the service and found a slow query, then I added an index and a cache. As a result, checkout errors dropped from 4% to 0.2%.';

describe('the terminal', () => {
  it('sets a zone, quiet hours and an interview; stops reminders by command; prints the brief the day before', async () => {
    const opened = openSqlite(':memory:');
    await migrateToLatest(opened.db);
    let now = new Date('2026-03-02T08:00:00Z');
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => {
      text += d;
    });
    const adapter = new ConsoleAdapter({ input, output, user: 'Ada Lovelace', color: false, clock: () => now });
    const app = buildApp({
      config: loadConfig({}),
      logger: silentLogger(),
      db: opened.db,
      guides: loadGuides('content/guides').library,
      adapters: new AdapterSet([adapter]),
      clock: () => now,
    });
    await adapter.start((e) => app.handle(e));
    adapter.ready();
    input.end(
      [
        '/prep help',
        '/prep settings me timezone Asia/Tokyo',
        '/prep settings me quiet 23:00-07:00',
        '/prep question chop behavioral',
        COMPLETE,
        '/prep interview chop 2026-03-06',
        '/prep me',
        '/prep settings me reminders off',
        '',
      ].join('\n'),
    );
    await adapter.done;
    expect(text).toContain('/prep interview');
    expect(text).toContain('time zone: Asia/Tokyo (set by you)');
    expect(text).toContain('quiet hours: 23:00-07:00');
    expect(text).toContain("Your Children's Hospital of Philadelphia interview: Fri 6 Mar 2026, in 4 days.");
    expect(text).toContain('Dates are read in Asia/Tokyo');
    expect(text).toContain("Interview: Children's Hospital of Philadelphia, Fri 6 Mar 2026 (4 days left)");
    expect(text).toContain('reminders: off');

    // 09:00 on 5 March in Tokyo is 00:00 UTC
    const before = text.length;
    now = new Date('2026-03-04T23:59:00Z');
    await app.tick(now);
    expect(text.slice(before)).not.toContain('Tomorrow');
    now = new Date('2026-03-05T00:00:30Z');
    await app.tick(now);
    await app.tick(new Date('2026-03-05T00:01:30Z'));
    const brief = text.slice(before);
    expect(brief.match(/Tomorrow: Children's Hospital of Philadelphia/g)).toHaveLength(1);
    expect(brief).toContain('What they evaluate');
    expect(brief).toContain('checkout service was failing');
    await adapter.stop();
    await opened.close();
  });
});
