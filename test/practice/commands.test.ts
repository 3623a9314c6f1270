import { DateTime } from 'luxon';
// Each command through the router: what the caller sees, and every bad argument
// refused with a precise message and an example.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArgs, rawArgs } from '../../src/chat/registry';
import type { CommandEvent } from '../../src/chat/types';
import { loadGuides } from '../../src/guides/load';
import { upsertMember } from '../../src/practice/store/members';
import { getSchedule, pauseSchedule } from '../../src/scheduler/store';
import { ada, bob, COMPLETE_1, COMPLETE_2, type Harness, harness, lastPrivate, NO_RESULT, questions } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.close());

const seen = (userId: string) => lastPrivate(h.adapter, userId);

describe('the registry', () => {
  it('gives every command a usage and examples that its own parser accepts', () => {
    for (const def of h.app.registry.list()) {
      expect(def.usage.startsWith(`/prep ${def.name}`)).toBe(true);
      expect(def.examples.length).toBeGreaterThan(0);
      for (const example of def.examples) {
        expect(example.startsWith(`/prep ${def.name}`)).toBe(true);
        const event = {
          type: 'command',
          name: def.name,
          text: example.slice(`/prep ${def.name}`.length),
        } as CommandEvent;
        expect(() => parseArgs(def, rawArgs(def, event))).not.toThrow();
      }
    }
  });
});

describe('every example in the help', () => {
  it('works against the shipped guides', async () => {
    // an AI endpoint is set up, as `/prep settings ai on` needs (no answer is sent to it here)
    const env = { LLM_BASE_URL: 'http://127.0.0.1:9/v1', LLM_MODEL: 'none' };
    const shipped = await harness({ guides: loadGuides('content/guides').library.all(), env });
    try {
      // Ada has answered once, so `/prep summary @ada` has someone to show.
      await shipped.command(ada, 'question');
      await shipped.say(ada, questions(shipped.adapter, shipped.channel)[0]?.ref ?? '', NO_RESULT);
      // `/prep guide add` fetches a page on the web: no test reaches the internet, so its
      // examples are run against a loopback page in guide-command.test.ts instead
      for (const def of shipped.app.registry.list().filter((d) => d.name !== 'guide')) {
        for (const example of def.examples) {
          await shipped.command(ada, def.name, example.slice(`/prep ${def.name}`.length).trim());
          const reply = lastPrivate(shipped.adapter, ada.id);
          expect(reply?.kind, `${example}: ${reply?.text}`).not.toBe('error');
        }
      }
    } finally {
      await shipped.close();
    }
  });
});

describe('help and unknown commands', () => {
  it('lists every command with its usage', async () => {
    await h.command(bob, 'help');
    const text = seen(bob.id)?.text ?? '';
    for (const name of [
      'question',
      'tips',
      'employers',
      'schedule',
      'me',
      'summary',
      'leaderboard',
      'retry',
      'snooze',
      'export',
      'forget-me',
    ]) {
      expect(text).toContain(`/prep ${name}`);
    }
  });

  it('treats a bare /prep as help and explains one command with examples', async () => {
    await h.command(bob, '');
    expect(seen(bob.id)?.title).toContain('Starling');
    await h.command(bob, 'help', 'schedule');
    expect(seen(bob.id)?.text).toContain('/prep schedule 09:00 Europe/Berlin weekdays');
    expect(seen(bob.id)?.text).toMatch(/time zone and days carry over[\s\S]*`\/prep schedule resume`/);
  });

  it('shows the notes a command carries under its examples, and none for a command without', async () => {
    const notes = h.app.registry.get('schedule')?.notes ?? [];
    expect(notes.length).toBeGreaterThan(0);
    await h.command(bob, 'help', 'schedule');
    const text = seen(bob.id)?.text ?? '';
    for (const note of notes) expect(text).toContain(note);
    expect(text.indexOf(notes[0] ?? '')).toBeGreaterThan(text.indexOf('/prep schedule off'));
    expect(h.app.registry.get('tips')?.notes).toBeUndefined();
    await h.command(bob, 'help', 'tips');
    expect(seen(bob.id)?.text?.trimEnd().endsWith('`/prep tips "harvard medical school" faq`')).toBe(true);
  });

  it('refuses an unknown subcommand and suggests a near one', async () => {
    await h.command(bob, 'tipz', 'acme');
    const m = seen(bob.id);
    expect(m?.kind).toBe('error');
    expect(m?.text).toContain('There is no `/prep tipz` command');
    expect(m?.text).toContain('/prep tips');
    await h.command(bob, 'help', 'frobnicate');
    expect(seen(bob.id)?.text).toContain('There is no `/prep frobnicate` command');
  });
});

describe('employers and tips', () => {
  it('lists the guides', async () => {
    await h.command(bob, 'employers');
    const text = seen(bob.id)?.text ?? '';
    expect(text).toContain('**Acme Corp**');
    expect(text).toContain('**Globex** – Data Engineer');
    expect(text).toContain('4 questions');
  });

  it('shows tips and each section', async () => {
    await h.command(bob, 'tips', 'acme');
    expect(seen(bob.id)?.text).toContain('Quantify your results for Acme Corp.');
    await h.command(bob, 'tips', 'acme process');
    expect(seen(bob.id)?.text).toContain('1. Recruiter screen');
    await h.command(bob, 'tips', 'Acme Corp faq');
    expect(seen(bob.id)?.text).toContain('About four weeks.');
    await h.command(bob, 'tips', 'globex requirements');
    expect(seen(bob.id)?.text).toContain('3 years of TypeScript');
  });

  it('refuses a missing or unknown employer and a bad section precisely', async () => {
    await h.command(bob, 'tips', '');
    expect(seen(bob.id)?.text).toMatch(/Which employer\?[\s\S]*Try: `\/prep tips/);
    await h.command(bob, 'tips', 'globx');
    expect(seen(bob.id)?.text).toMatch(/No guide for "globx"\. Closest: Globex/);
    await h.command(bob, 'tips', '', { options: { employer: 'acme', section: 'salary' } });
    expect(seen(bob.id)?.text).toContain('"salary" is not a section');
  });
});

describe('/prep question', () => {
  it('posts into the channel with employer and category, recorded for its thread', async () => {
    await h.command(bob, 'question', 'globex system design');
    const q = questions(h.adapter, h.channel).at(-1);
    expect(q?.message.title).toBe('Practice question · Globex · system design');
    expect(q?.message.text).toContain('Design a system that ingests');
    const post = await h.db.selectFrom('posts').selectAll().executeTakeFirstOrThrow();
    expect(post.thread_ref).toBe(q?.ref);
    expect(post.posted_by).toBe(bob.id);
    expect(seen(bob.id)?.text).toContain('Posted a system design question from Globex');
  });

  it('never repeats a question in a channel until every one has been asked', async () => {
    const asked: string[] = [];
    for (let i = 0; i < 4; i++) {
      await h.command(bob, 'question', 'acme behavioral');
      asked.push(questions(h.adapter, h.channel).at(-1)?.message.text ?? '');
    }
    expect(new Set(asked.slice(0, 2)).size).toBe(2);
    expect(new Set(asked).size).toBe(2);
  });

  it('refuses an unknown employer or category', async () => {
    await h.command(bob, 'question', 'initech');
    expect(seen(bob.id)?.text).toContain('No guide for "initech"');
    await h.command(bob, 'question', '', { options: { employer: 'acme', category: 'trivia' } });
    expect(seen(bob.id)?.text).toMatch(
      /"trivia" is not a question category\. The categories are behavioral, technical/,
    );
    await h.command(bob, 'question', 'globex situational');
    expect(seen(bob.id)?.text).toContain(
      'No guide has a question for employer globex-data-engineer and category situational',
    );
    expect(questions(h.adapter, h.channel)).toHaveLength(0);
  });
});

describe('/prep schedule', () => {
  it('shows, sets and turns off the daily question (admins only)', async () => {
    await h.command(bob, 'schedule');
    expect(seen(bob.id)?.text).toContain('There is no daily question in this channel');
    await h.command(bob, 'schedule', '09:00');
    expect(seen(bob.id)?.text).toContain('Only channel admins can set the daily question');
    await h.command(ada, 'schedule', '6:30pm America/New_York mon,wed,fri globex');
    const s = await getSchedule(h.db, h.channel);
    expect(s).toMatchObject({
      time: '18:30',
      timezone: 'America/New_York',
      days: '1,3,5',
      employer: 'globex-data-engineer',
    });
    await h.command(bob, 'schedule');
    expect(seen(bob.id)?.text).toMatch(
      /\*\*18:30\*\* \(America\/New_York\), mon, wed, fri, from Globex[\s\S]*Next: <time:\d+:F\|Mon 2 Mar 18:30/,
    );
    await h.command(ada, 'schedule', 'off');
    // off pauses: the schedule is kept, and resume brings it back as it was
    expect(await getSchedule(h.db, h.channel)).toMatchObject({ paused: 1, time: '18:30' });
    expect(h.adapter.publicIn(h.channel).at(-1)?.message.text).toMatch(
      /turned off the daily question.*\/prep schedule resume.*\/prep schedule delete/,
    );
    await h.command(bob, 'schedule');
    expect(seen(bob.id)?.text).toMatch(/Paused:.*turned off by/);
    await h.command(ada, 'schedule', 'resume');
    expect(await getSchedule(h.db, h.channel)).toMatchObject({
      paused: 0,
      time: '18:30',
      timezone: 'America/New_York',
    });
    expect(h.adapter.publicIn(h.channel).at(-1)?.message.text).toMatch(/resumed the daily question: \*\*18:30\*\*/);
    await h.command(ada, 'schedule', 'delete');
    expect(await getSchedule(h.db, h.channel)).toBeUndefined();
    expect(h.adapter.publicIn(h.channel).at(-1)?.message.text).toContain('deleted the daily question schedule');
  });

  it('reads EST, pst and cet as the zones they mean every day, and says so', async () => {
    for (const [typed, zone] of [
      ['est', 'America/New_York'],
      ['PST', 'America/Los_Angeles'],
      ['cet', 'Europe/Paris'],
      ['europe/berlin', 'Europe/Berlin'],
    ] as const) {
      await h.command(ada, 'schedule', `09:00 ${typed}`);
      expect((await getSchedule(h.db, h.channel))?.timezone).toBe(zone);
    }
    await h.command(ada, 'schedule', '09:00 est');
    const said = h.adapter.publicIn(h.channel).at(-1)?.message.text ?? '';
    expect(said).toMatch(/\(America\/New_York\)/);
    expect(said).toMatch(/EST read as America\/New_York, which follows its daylight saving changes/);
    // in July 09:00 "est" is 09:00 in New York (13:00 UTC), not the fixed UTC-5 (14:00 UTC)
    const s = await getSchedule(h.db, h.channel);
    const july = DateTime.fromObject({ year: 2026, month: 7, day: 1, hour: 9 }, { zone: s?.timezone });
    expect(july.toUTC().hour).toBe(13);
  });

  it('refuses a bad time, time zone, days or employer with an example', async () => {
    await h.command(ada, 'schedule', '25:00 Europe/Berlin');
    expect(seen(ada.id)?.text).toMatch(
      /"25:00" is not a time of day\. Use 24-hour HH:MM[\s\S]*Try: `\/prep schedule 09:00/,
    );
    await h.command(ada, 'schedule', '09:00 Mars/Olympus_Mons');
    expect(seen(ada.id)?.text).toContain('"Mars/Olympus_Mons" is not a time zone. Use a Region/City name');
    await h.command(ada, 'schedule', '', { options: { time: '09:00', days: 'someday' } });
    expect(seen(ada.id)?.text).toContain('"someday" is not a set of days');
    await h.command(ada, 'schedule', '09:00 UTC weekdays initech');
    expect(seen(ada.id)?.text).toContain('No guide for "initech"');
    await h.command(ada, 'schedule', '09:00 Berlin');
    expect(seen(ada.id)?.text).toMatch(/"Berlin" is not a time zone name[\s\S]*\/prep schedule 09:00 Europe\/Berlin/);
    await h.command(ada, 'schedule', '09:00 UTC globex situational');
    expect(seen(ada.id)?.text).toContain('No guide has a situational question for Globex');
    expect(await getSchedule(h.db, h.channel)).toBeUndefined();
  });
});

describe('a paused schedule', () => {
  const paused = (reason: string | null) =>
    h.db
      .updateTable('schedules')
      .set({ paused: 1, paused_reason: reason })
      .where('channel_ref', '=', h.channel)
      .execute();

  it('says why and how to resume, and resumes with its filters on the next run', async () => {
    await h.command(ada, 'schedule', '09:00 Europe/Berlin weekdays acme behavioral');
    await pauseSchedule(
      h.db,
      h.channel,
      'Starling lacks permission to post in this channel (missing_scope). Give the bot permission to send messages there. Once that is fixed, run `/prep schedule resume` in this channel.',
      h.now(),
    );
    await h.command(bob, 'schedule');
    const shown = seen(bob.id)?.text ?? '';
    expect(shown).toContain('from Acme Corp, behavioral');
    expect(shown).toContain('**Paused:** Starling lacks permission to post in this channel (missing_scope).');
    expect(shown).toContain('run `/prep schedule resume`');
    expect(shown).not.toMatch(/Paused:\W+Paused/);
    expect(shown).not.toContain('Next:');

    await h.command(bob, 'schedule', 'resume');
    expect(seen(bob.id)?.text).toContain('Only channel admins can resume the daily question');
    expect((await getSchedule(h.db, h.channel))?.paused).toBe(1);

    h.setNow('2026-03-04T12:00:00Z'); // a Wednesday, after that day's 09:00 Berlin
    await h.command(ada, 'schedule', 'resume');
    const s = await getSchedule(h.db, h.channel);
    expect(s).toMatchObject({
      paused: 0,
      paused_reason: null,
      employer: 'acme-software-engineer',
      category: 'behavioral',
      timezone: 'Europe/Berlin',
      days: '1,2,3,4,5',
      next_run_at: Date.parse('2026-03-05T08:00:00Z'),
    });
    expect(h.adapter.publicIn(h.channel).at(-1)?.message.text).toMatch(
      /<@U-ada> resumed the daily question: \*\*09:00\*\* \(Europe\/Berlin\), weekdays, from Acme Corp, behavioral\. Next one: <time:1772697600000:F\|Thu 5 Mar 09:00/,
    );
    await h.command(bob, 'schedule');
    expect(seen(bob.id)?.text).toContain('Next: <time:1772697600000:F|Thu 5 Mar 09:00 (Europe/Berlin)>');
  });

  it('answers resume when there is nothing to resume, and shows why a schedule is paused', async () => {
    await h.command(ada, 'schedule', 'resume');
    expect(seen(ada.id)?.text).toMatch(
      /There is no daily question in this channel to resume\.\nTry: `\/prep schedule 09:00/,
    );
    await h.command(ada, 'schedule', '09:00 UTC');
    await h.command(ada, 'schedule', '', { options: { time: 'resume' } });
    expect(seen(ada.id)?.text).toMatch(/not paused: \*\*09:00\*\* \(UTC\)[\s\S]*Next: /);

    await paused(
      'Starling can no longer post in this channel (is_archived). Once that is fixed, run `/prep schedule resume` in this channel.',
    );
    await h.command(bob, 'schedule');
    expect(seen(bob.id)?.text).toContain(
      '**Paused:** Starling can no longer post in this channel (is_archived). Once that is fixed, run `/prep schedule resume` in this channel.',
    );
    await paused(null);
    await h.command(bob, 'schedule');
    expect(seen(bob.id)?.text).toContain('**Paused.** Run `/prep schedule resume` to start it again.');
  });

  it('refuses to resume a schedule that cannot be read, and says to set it again', async () => {
    await h.command(ada, 'schedule', '09:00 UTC');
    await h.db.updateTable('schedules').set({ timezone: 'Mars/Olympus' }).execute();
    await paused('The schedule cannot be read (invalid time zone); set it again with a valid time and time zone.');
    await h.command(ada, 'schedule', 'resume');
    expect(seen(ada.id)?.text).toMatch(
      /cannot resume as it is: its time "09:00" or time zone "Mars\/Olympus"[\s\S]*Set it again/,
    );
    expect((await getSchedule(h.db, h.channel))?.paused).toBe(1);
  });
});

describe('setting a schedule again', () => {
  it('keeps the time zone and days, drops the filters not given, and says which', async () => {
    await h.command(ada, 'schedule', '09:00 Europe/Berlin mon,wed,fri acme behavioral');
    await h.command(ada, 'schedule', '10:00');
    expect(await getSchedule(h.db, h.channel)).toMatchObject({
      time: '10:00',
      timezone: 'Europe/Berlin',
      days: '1,3,5',
      employer: null,
      category: null,
    });
    const reply = h.adapter.publicIn(h.channel).at(-1)?.message.text ?? '';
    expect(reply).toContain('**10:00** (Europe/Berlin), mon, wed, fri, from every guide, any category');
    expect(reply).toContain('No longer only Acme Corp, behavioral');
    const keep = /To keep them: `(\/prep schedule [^`]+)`/.exec(reply)?.[1] ?? '';
    expect(keep).toBe('/prep schedule 10:00 "Acme Corp" behavioral');
    await h.command(ada, 'schedule', keep.slice('/prep schedule '.length));
    expect(await getSchedule(h.db, h.channel)).toMatchObject({
      time: '10:00',
      employer: 'acme-software-engineer',
      category: 'behavioral',
    });
    expect(h.adapter.publicIn(h.channel).at(-1)?.message.text).not.toContain('No longer');

    await h.command(ada, 'schedule', '10:00 globex');
    expect(h.adapter.publicIn(h.channel).at(-1)?.message.text).toContain('No longer only behavioral');
  });

  it('un-pauses a paused schedule and says so', async () => {
    await h.command(ada, 'schedule', '09:00 UTC');
    await pauseSchedule(h.db, h.channel, 'Starling lacks permission.', h.now());
    await h.command(ada, 'schedule', '11:00');
    expect((await getSchedule(h.db, h.channel))?.paused).toBe(0);
    expect(h.adapter.publicIn(h.channel).at(-1)?.message.text).toContain('It was paused; it runs again from now.');
  });
});

describe('/prep settings', () => {
  it('switches feedback to public in the thread, or off', async () => {
    await h.command(bob, 'settings', 'feedback public');
    expect(seen(bob.id)?.text).toContain('Only channel admins can change channel settings');
    await h.command(ada, 'settings', 'feedback public');
    await h.command(ada, 'question', 'acme');
    const thread = questions(h.adapter, h.channel).at(-1)?.ref ?? '';
    await h.say(bob, thread, NO_RESULT);
    const pub = h.adapter.publicIn(thread).filter((s) => s.message.kind === 'feedback');
    expect(pub).toHaveLength(1);
    expect(pub[0]?.message.text).toContain(`<@${bob.id}>`);
    await h.command(ada, 'settings', 'feedback off');
    const before = h.adapter.sent.length;
    const reactions = h.adapter.reactions.length;
    await h.say(ada, thread, COMPLETE_1);
    expect(h.adapter.sent.length).toBe(before);
    expect(h.adapter.reactions.length).toBe(reactions);
    expect(await h.db.selectFrom('analyses').selectAll().execute()).toHaveLength(2); // still analysed
  });

  it('sets the answer window and who may read summaries, and refuses bad values', async () => {
    await h.command(ada, 'settings', 'window 2');
    expect(seen(ada.id)?.text).toContain('answer window: **2 hours**');
    await h.command(ada, 'question', 'acme');
    const post = await h.db.selectFrom('posts').selectAll().executeTakeFirstOrThrow();
    expect(Number(post.closes_at) - Number(post.posted_at)).toBe(2 * 3_600_000);
    await h.command(ada, 'settings', 'window forever');
    expect(seen(ada.id)?.text).toContain('between 0.25 and 168');
    await h.command(ada, 'settings', 'feedback loud');
    expect(seen(ada.id)?.text).toContain('Feedback can be private, public or off, not "loud"');
    await h.command(ada, 'settings', 'colour blue');
    expect(seen(ada.id)?.text).toContain('There is no "colour" setting');
    await h.command(ada, 'settings', 'summaries everyone');
    expect(seen(ada.id)?.text).toContain('summaries of others: **everyone**');
    await h.command(ada, 'settings', 'summaries constructor');
    expect(seen(ada.id)?.text).toContain('Summaries can be open to everyone or admins, not "constructor"');
    await h.command(ada, 'settings', 'window 0.5');
    expect(seen(ada.id)?.text).toContain('answer window: **30 minutes**');
  });
});

describe('/prep summary, me and snooze', () => {
  it('finds a member by id, mention, whole name or the start of one, and offers the closest names', async () => {
    const now = h.now().getTime();
    await upsertMember(h.db, 'memory:W1', 'U-dana', 'Dana Scully', now);
    await upsertMember(h.db, 'memory:W1', 'U-dan', 'Dan Brown', now);
    await upsertMember(h.db, 'memory:W1', 'U-bob2', 'Bob Smith', now);
    await upsertMember(h.db, 'memory:W2', 'U-eve', 'Eve Zed', now);
    const title = async (text: string) => {
      await h.command(ada, 'summary', text);
      return seen(ada.id)?.title ?? seen(ada.id)?.text;
    };
    expect(await title('@bob s')).toBe("Bob Smith's practice summary");
    expect(await title('@DANA')).toBe("Dana Scully's practice summary");
    expect(await title('dan brown')).toBe("Dan Brown's practice summary");
    expect(await title('U-dan')).toBe("Dan Brown's practice summary");
    expect(await title('<@U-dana>')).toBe("Dana Scully's practice summary");
    await h.command(ada, 'summary', '@dan');
    expect(seen(ada.id)?.text).toContain('"dan" fits 2 members: Dan Brown, Dana Scully. Say which one');
    expect(seen(ada.id)?.text).toContain('Try: `/prep summary @Dan Brown`');
    await h.command(ada, 'summary', '@smiht');
    expect(seen(ada.id)?.text).toContain(
      'Nobody called "smiht" has answered a question in this workspace. Closest: Bob Smith.',
    );
    // Another workspace's members are neither found nor offered.
    await h.command(ada, 'summary', '@eve');
    expect(seen(ada.id)?.text).toContain('Nobody called "eve"');
    expect(seen(ada.id)?.text).not.toContain('Eve Zed');
  });

  it('shows a member their own summary and admins anyone’s', async () => {
    await h.command(ada, 'question', 'acme');
    const thread = questions(h.adapter, h.channel).at(-1)?.ref ?? '';
    await h.say(bob, thread, NO_RESULT);
    await h.command(bob, 'me');
    expect(seen(bob.id)?.text).toContain('**Answers given:** 1');
    expect(seen(bob.id)?.text).toMatch(/Weakest:\*\* the result/);
    await h.command(ada, 'summary', `<@${bob.id}>`);
    expect(seen(ada.id)?.title).toBe("Bob's practice summary");
    await h.command(ada, 'summary', '@bob');
    expect(seen(ada.id)?.title).toBe("Bob's practice summary");
    // A platform user picker sends the bare id.
    await h.command(ada, 'summary', '', { options: { member: bob.id } });
    expect(seen(ada.id)?.title).toBe("Bob's practice summary");
  });

  it('keeps summaries to admins unless the channel allows everyone', async () => {
    await h.command(ada, 'question', 'acme');
    const thread = questions(h.adapter, h.channel).at(-1)?.ref ?? '';
    await h.say(ada, thread, `${COMPLETE_1} ${COMPLETE_2}`);
    await h.command(bob, 'summary', '@Ada');
    expect(seen(bob.id)?.text).toContain("Only admins can see other members' summaries");
    await h.command(ada, 'settings', 'summaries everyone');
    await h.command(bob, 'summary', '@Ada');
    expect(seen(bob.id)?.title).toBe("Ada's practice summary");
    await h.command(bob, 'summary', '@nobody');
    expect(seen(bob.id)?.text).toContain('Nobody called "nobody"');
    await h.command(bob, 'summary', '');
    expect(seen(bob.id)?.text).toContain('Whose summary?');
  });

  it('shows the streak of the member’s own channel when asked from elsewhere', async () => {
    await h.command(ada, 'question', 'acme');
    await h.say(bob, questions(h.adapter, h.channel).at(-1)?.ref ?? '', NO_RESULT);
    await h.command(bob, 'me', '', { channel: 'memory:W1:C-other' });
    expect(seen(bob.id)?.text).toMatch(/\*\*Streak:\*\* 1 day/);
  });

  it('counts a streak longer than the first look-back window', async () => {
    for (let d = 0; d < 40; d++) {
      await h.command(ada, 'question', 'acme');
      await h.say(bob, questions(h.adapter, h.channel).at(-1)?.ref ?? '', NO_RESULT);
      h.advance(86_400_000);
    }
    await h.command(bob, 'me');
    expect(seen(bob.id)?.text).toMatch(/\*\*Streak:\*\* 40 days/);
  });

  it('does not let questions asked with /prep question that a member skipped break their streak', async () => {
    for (let d = 0; d < 6; d++) {
      await h.command(ada, 'question', 'acme');
      // Bob skips the questions asked on days 3 and 4 (the same week): only daily
      // questions can cost a grace day or break a streak.
      if (d !== 3 && d !== 4) await h.say(bob, questions(h.adapter, h.channel).at(-1)?.ref ?? '', NO_RESULT);
      h.advance(86_400_000);
    }
    await h.command(bob, 'me');
    expect(seen(bob.id)?.text).toMatch(/\*\*Streak:\*\* 4 days \(one missed day a week is forgiven\)/);
  });

  it('says when there is nothing yet', async () => {
    await h.command(bob, 'me');
    expect(seen(bob.id)?.text).toContain('not answered a question in this workspace yet');
    await h.command(bob, 'leaderboard');
    expect(seen(bob.id)?.text).toContain('Nobody has answered in this channel in the last 30 days');
  });

  it('snoozes for a number of days and refuses anything else', async () => {
    await h.command(bob, 'snooze', '7');
    // the date travels as data, so Discord can show it in each reader's own calendar
    expect(seen(bob.id)?.text).toMatch(/^Snoozed for 7 days, until <time:\d+:D\|2026-03-09>\./);
    const m = await h.db.selectFrom('members').selectAll().where('user_id', '=', bob.id).executeTakeFirstOrThrow();
    expect(Number(m.snoozed_until)).toBe(h.now().getTime() + 7 * 86_400_000);
    await h.command(bob, 'snooze', 'off');
    expect(seen(bob.id)?.text).toContain('Snooze ended');
    for (const bad of ['', 'forever', '-3', '365']) {
      await h.command(bob, 'snooze', bad);
      expect(seen(bob.id)?.kind).toBe('error');
      expect(seen(bob.id)?.text).toContain('/prep snooze 7');
    }
  });
});

describe('forget-me', () => {
  it('deletes nothing without confirmation, and only for the one who asked', async () => {
    await h.command(ada, 'question', 'acme');
    const thread = questions(h.adapter, h.channel).at(-1)?.ref ?? '';
    await h.say(bob, thread, NO_RESULT);
    await h.command(bob, 'forget-me');
    const [yes, no] = seen(bob.id)?.buttons ?? [];
    await h.press(ada, yes?.id ?? '', yes?.value);
    expect(seen(ada.id)?.text).toContain("That button belongs to someone else's request");
    await h.press(bob, no?.id ?? '', no?.value);
    expect(seen(bob.id)?.text).toBe('Nothing was deleted.');
    expect(await h.db.selectFrom('answers').selectAll().execute()).toHaveLength(1);
    await h.command(ada, 'forget-me');
    const adaYes = seen(ada.id)?.buttons?.[0];
    await h.press(ada, adaYes?.id ?? '', adaYes?.value);
    expect(seen(ada.id)?.text).toBe('There was nothing about you to delete in this workspace.');
  });
});

describe('arguments typed as text (Slack, the terminal)', () => {
  let s: Harness;
  beforeEach(async () => {
    s = await harness({ guides: loadGuides('content/guides').library.all() });
  });
  afterEach(() => s.close());
  const said = (userId: string) => lastPrivate(s.adapter, userId);

  it('refuses a word that is not a section instead of reading it as part of the employer', async () => {
    await s.command(bob, 'tips', 'chop salary');
    const m = said(bob.id);
    expect(m?.kind).toBe('error');
    expect(m?.text).toContain('"salary" is not a section of a guide. The sections are evaluation, process');
    expect(m?.text).toContain('Try: `/prep tips chop process`');
    expect(m?.text).not.toContain('No guide');
    await s.command(bob, 'tips', 'chop process extra');
    expect(said(bob.id)?.text).toContain('"extra" is left over: `/prep tips` takes an employer and one section.');
    expect(said(bob.id)?.text).toContain('Try: `/prep tips chop process`');
  });

  it('reads many-word employer names, quoted or not, with a section after them', async () => {
    await s.command(bob, 'tips', "children's hospital of philadelphia process");
    expect(said(bob.id)?.title).toBe("Children's Hospital of Philadelphia · Software Engineer: the interview process");
    await s.command(bob, 'tips', '"harvard medical school" faq');
    expect(said(bob.id)?.title).toContain('Harvard Medical School · Software Engineer: FAQ');
    await s.command(bob, 'tips', 'harvard medical school');
    expect(said(bob.id)?.kind).not.toBe('error');
  });

  it('shows what a guide without tips does have: its areas with a sentence each and the process in short', async () => {
    await s.command(bob, 'tips', 'harvard medical');
    const m = said(bob.id);
    expect(m?.kind).toBe('info');
    const text = m?.text ?? '';
    expect(text).not.toMatch(/has no tips/);
    expect(text).toContain('**What they evaluate**');
    expect(text).toContain(
      '**Adaptability** – Research priorities can shift, and funding cycles may influence project directions.',
    );
    expect(text).not.toContain('Demonstrating that you can remain productive');
    expect(text).toContain('**The process in short**');
    expect(text).toContain('notably decentralized');
    expect(text).toContain('tied to specific research labs');
    expect(text).toContain('final meeting with a Principal Investigator');
    expect(text).not.toContain('**Tips**');
    expect(m?.footer).toContain('/prep tips hms <');
  });

  it('lists the tips themselves when the guide has them', async () => {
    await s.command(bob, 'tips', 'chop');
    const text = said(bob.id)?.text ?? '';
    expect(text).toContain('**Tips**\n- Emphasize Stability');
    expect(text).toContain('**The process in short**\n1. ');
  });

  it('offers a whole command, not a bare name, for an unknown employer', async () => {
    await s.command(bob, 'tips', 'chopp');
    expect(said(bob.id)?.text).toMatch(/No guide for "chopp"\. Closest: Children's Hospital of Philadelphia/);
    expect(said(bob.id)?.text).toContain('Try: `/prep tips chop`');
    await s.command(bob, 'question', 'chopp behavioral');
    expect(said(bob.id)?.text).toContain('Try: `/prep question chop behavioral`');
    expect(questions(s.adapter, s.channel)).toHaveLength(0);
  });

  it('refuses a word that is not a category after the employer of /prep question', async () => {
    await s.command(bob, 'question', 'chop dancing');
    const m = said(bob.id);
    expect(m?.text).toContain('"dancing" is not a question category. The categories are behavioral');
    expect(m?.text).toContain('Try: `/prep question chop behavioral`');
    await s.command(bob, 'question', 'chop behavioral dancing');
    expect(said(bob.id)?.text).toContain('"dancing" is left over');
    expect(questions(s.adapter, s.channel)).toHaveLength(0);
    await s.command(bob, 'question', 'harvard medical school system design');
    expect(questions(s.adapter, s.channel).at(-1)?.message.title).toBe(
      'Practice question · Harvard Medical School · system design',
    );
  });

  it('refuses a stray word in /prep schedule by the slot it was meant for, and sets nothing', async () => {
    await s.command(ada, 'schedule', '09:00 UTC chop dancing');
    expect(said(ada.id)?.text).toContain('"dancing" is not a question category');
    expect(said(ada.id)?.text).toContain('Try: `/prep schedule 09:00 UTC chop behavioral`');
    await s.command(ada, 'schedule', '09:00 Europe/Berlin someday');
    expect(said(ada.id)?.text).toContain('"someday" is not a set of days. Use daily, weekdays');
    expect(said(ada.id)?.text).toContain('Try: `/prep schedule 09:00 Europe/Berlin weekdays`');
    expect(said(ada.id)?.text).not.toContain('No guide');
    await s.command(ada, 'schedule', '09:00 UTC chop behavioral dancing');
    expect(said(ada.id)?.text).toContain('"dancing" is left over');
    await s.command(ada, 'schedule', '09:00 chopp');
    expect(said(ada.id)?.text).toContain('Try: `/prep schedule 09:00 chop`');
    expect(await getSchedule(s.db, s.channel)).toBeUndefined();
    await s.command(ada, 'schedule', '09:00 Europe/Berlin weekdays harvard medical school system design');
    const set = await getSchedule(s.db, s.channel);
    expect([set?.employer, set?.category]).toEqual(['harvard-medical-school-software-engineer', 'system-design']);
  });
});
