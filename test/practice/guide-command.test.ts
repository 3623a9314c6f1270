// `/prep guide add <address>` and `/prep guide remove <employer>` from the chat: a page served
// on loopback is read, previewed, added on the button, listed and practised like a guide file,
// and removed again; refusals say what was wrong and add nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ada, bob, type Harness, harness, lastPrivate, questions } from './helpers';

const PAGE = `<!doctype html><html><head><title>Initech</title></head><body>
<nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav>
<h1>Initech Software Engineer Interview Questions</h1>
<p>Initech hires engineers through a phone screen and an onsite.</p>
<h2>Coding Questions</h2>
<ol><li>LRU Cache</li><li>Given a list of meetings, find the fewest rooms needed.</li></ol>
<h2>Behavioral Questions</h2>
<ul><li>Tell me about a time you disagreed with your manager.</li></ul>
<footer>© 2026 Example Prep</footer>
</body></html>`;

const NO_EMPLOYER =
  '<!doctype html><html><body><h1>Interview Questions</h1><ul><li>Tell me about yourself.</li></ul></body></html>';

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const body = req.url === '/initech' ? PAGE : req.url === '/anonymous' ? NO_EMPLOYER : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.close());
const seen = (userId: string) => lastPrivate(h.adapter, userId);

async function addInitech() {
  await h.command(ada, 'guide', `add ${base}/initech`);
  const preview = seen(ada.id);
  const [yes] = preview?.buttons ?? [];
  await h.press(ada, yes?.id ?? '', yes?.value);
  return preview;
}

describe('/prep guide add', () => {
  it('previews what it read, adds nothing until confirmed, then lists and practises the guide', async () => {
    await h.command(ada, 'guide', `add ${base}/initech`);
    const preview = seen(ada.id);
    expect(preview?.title).toBe('Initech — Software Engineer');
    expect(preview?.text).toContain(`Read from ${base}/initech: 3 questions`);
    expect(preview?.text).toContain('- LRU Cache');
    expect(preview?.text).not.toContain('Pricing');
    await h.command(bob, 'employers');
    expect(seen(bob.id)?.text).not.toContain('Initech');

    const [yes] = preview?.buttons ?? [];
    await h.press(ada, yes?.id ?? '', yes?.value);
    expect(seen(ada.id)?.text).toContain('Added Initech — Software Engineer: 3 questions.');
    await h.command(bob, 'employers');
    expect(seen(bob.id)?.text).toContain('**Initech** – Software Engineer · 3 questions');
    await h.command(ada, 'question', 'initech');
    expect(questions(h.adapter, h.channel).at(-1)?.message.text).toMatch(
      /LRU Cache|fewest rooms|disagreed with your manager/,
    );
    const row = await h.db.selectFrom('chat_guides').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ slug: 'initech-software-engineer', source: `${base}/initech`, confirmed: 1 });
  });

  it('adds nothing on Cancel, and only the one who asked can press the buttons', async () => {
    await h.command(ada, 'guide', `add ${base}/initech`);
    const [yes, no] = seen(ada.id)?.buttons ?? [];
    await h.press(bob, yes?.id ?? '', yes?.value);
    expect(seen(bob.id)?.text).toContain("That button belongs to someone else's request");
    await h.press(ada, no?.id ?? '', no?.value);
    expect(seen(ada.id)?.text).toBe('Nothing was added.');
    await h.press(ada, yes?.id ?? '', yes?.value);
    expect(seen(ada.id)?.text).toContain('That preview has expired or was already answered');
    expect(await h.db.selectFrom('chat_guides').selectAll().execute()).toHaveLength(0);
  });

  it('refuses members who are not admins, pages it cannot read, and addresses that do not answer', async () => {
    await h.command(bob, 'guide', `add ${base}/initech`);
    expect(seen(bob.id)?.kind).toBe('error');
    await h.command(ada, 'guide', `add ${base}/anonymous`);
    expect(seen(ada.id)?.text).toContain('no employer found in its title or headings (1 question found)');
    await h.command(ada, 'guide', `add ${base}/missing`);
    expect(seen(ada.id)?.text).toContain('answered 404');
    await h.command(ada, 'guide', 'add http://127.0.0.1:9/closed');
    expect(seen(ada.id)?.text).toMatch(/Could not fetch http:\/\/127\.0\.0\.1:9\/closed \(.+\)\. Check the address/);
    await h.command(ada, 'guide', 'add initech.html');
    expect(seen(ada.id)?.text).toContain('is not a page address');
    expect(await h.db.selectFrom('chat_guides').selectAll().execute()).toHaveLength(0);
  });
});

describe('/prep guide remove', () => {
  it('removes a guide added from the chat, and refuses a guide file', async () => {
    await addInitech();
    await h.command(ada, 'guide', 'remove initech');
    expect(seen(ada.id)?.text).toContain('Removed the guide Initech — Software Engineer.');
    await h.command(bob, 'employers');
    expect(seen(bob.id)?.text).not.toContain('Initech');
    await h.command(ada, 'guide', 'remove acme');
    expect(seen(ada.id)?.text).toContain('Acme Corp comes from a guide file');
    await h.command(bob, 'employers');
    expect(seen(bob.id)?.text).toContain('Acme Corp');
  });
});

describe('a member who added a guide', () => {
  it('finds it in /prep export, and after /prep forget-me the guide stays without their name', async () => {
    await addInitech();
    await h.command(ada, 'guide', `add ${base}/initech`); // a second preview, never answered
    await h.command(ada, 'export');
    const json = seen(ada.id)?.attachments?.find((a) => a.name.endsWith('.json'))?.content ?? '';
    expect(JSON.parse(String(json)).guidesAdded).toMatchObject([
      { employer: 'Initech', slug: 'initech-software-engineer', source: `${base}/initech`, confirmed: true },
      { employer: 'Initech', confirmed: false },
    ]);
    await h.command(ada, 'forget-me');
    const [yes] = seen(ada.id)?.buttons ?? [];
    await h.press(ada, yes?.id ?? '', yes?.value);
    const rows = await h.db.selectFrom('chat_guides').selectAll().execute();
    expect(rows.map((r) => [r.confirmed, r.added_by])).toEqual([[1, '']]);
    await h.command(bob, 'employers');
    expect(seen(bob.id)?.text).toContain('Initech');
  });
});
