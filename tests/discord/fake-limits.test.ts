// The fake Discord refuses what real Discord refuses (50035 Invalid Form Body), so every
// end-to-end test also checks the bot's bodies against Discord's limits. Raw HTTP, no bot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './fake-discord.ts';

const button = (i: number, over: Record<string, unknown> = {}) => ({ type: 2, style: 2, label: `b${i}`, custom_id: `id:${i}`, ...over });
const row = (n: number, over: Record<string, unknown> = {}) => ({ type: 1, components: Array.from({ length: n }, (_, i) => button(i, over)) });
const field = (name: string, value: string) => ({ name, value });

/** A message at every limit at once: all of it must be accepted. */
function fullest(): any {
  return {
    content: 'c'.repeat(2000),
    embeds: [
      {
        title: 't'.repeat(256),
        description: 'd'.repeat(4096),
        fields: [field('n'.repeat(256), 'v'.repeat(1024))],
        footer: { text: 'f'.repeat(6000 - 256 - 4096 - 256 - 1024) }, // 6,000 characters in all
      },
    ],
    components: Array.from({ length: 5 }, () => row(5, { label: 'l'.repeat(80), custom_id: 'i'.repeat(100) })),
    allowed_mentions: { parse: [] },
  };
}

const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));

/** One over-limit message per rule, with the path Discord names in `errors`. */
const OVER: [string, any, string[]][] = [
  ['content over 2,000', { content: 'c'.repeat(2001) }, ['content']],
  ['more than 10 embeds', { embeds: many(11, () => ({ description: 'x' })) }, ['embeds']],
  ['title over 256', { embeds: [{ title: 't'.repeat(257) }] }, ['embeds', '0', 'title']],
  ['title over 256 UTF-16 units (129 emoji)', { embeds: [{ title: '😀'.repeat(129) }] }, ['embeds', '0', 'title']],
  ['description over 4,096', { embeds: [{ description: 'd'.repeat(4097) }] }, ['embeds', '0', 'description']],
  ['more than 25 fields', { embeds: [{ fields: many(26, (i) => field(`n${i}`, 'v')) }] }, ['embeds', '0', 'fields']],
  ['field name over 256', { embeds: [{ fields: [field('n'.repeat(257), 'v')] }] }, ['embeds', '0', 'fields', '0', 'name']],
  ['blank field name', { embeds: [{ fields: [field('v', 'v'), field('  ', 'v')] }] }, ['embeds', '0', 'fields', '1', 'name']],
  ['field value over 1,024', { embeds: [{ fields: [field('n', 'v'.repeat(1025))] }] }, ['embeds', '0', 'fields', '0', 'value']],
  ['empty field value', { embeds: [{ fields: [field('n', '')] }] }, ['embeds', '0', 'fields', '0', 'value']],
  ['footer over 2,048', { embeds: [{ footer: { text: 'f'.repeat(2049) } }] }, ['embeds', '0', 'footer', 'text']],
  ['author name over 256', { embeds: [{ author: { name: 'a'.repeat(257) } }] }, ['embeds', '0', 'author', 'name']],
  [
    'over 6,000 characters across embeds, each within its own limits',
    { embeds: [{ description: 'd'.repeat(4000) }, { title: 't'.repeat(200), fields: [field('n'.repeat(200), 'v'.repeat(1000)), field('n', 'v'.repeat(601))] }] },
    ['embeds'],
  ],
  ['more than 5 action rows', { components: many(6, () => row(1)) }, ['components']],
  ['more than 5 buttons in a row', { components: [row(6)] }, ['components', '0', 'components']],
  ['custom_id over 100', { components: [row(1, { custom_id: 'i'.repeat(101) })] }, ['components', '0', 'components', '0', 'custom_id']],
  ['button label over 80', { components: [row(2), row(1, { label: 'l'.repeat(81) })] }, ['components', '1', 'components', '0', 'label']],
];

function errorAt(errors: any, path: string[]): { code: string; message: string }[] | undefined {
  let node = errors;
  for (const key of path) node = node?.[key];
  return node?._errors;
}

describe('fake Discord: Discord limits on message bodies', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start({ allowInvalidBodies: true });
  });
  afterAll(async () => {
    await fake.close();
  });

  async function call(method: string, path: string, body?: unknown, auth = true): Promise<{ status: number; json: any }> {
    const res = await fetch(`${fake.apiUrl}/v10${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bot ${fake.token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  }
  const postMessage = (body: unknown) => call('POST', `/channels/${fake.channelId}/messages`, body);
  const callback = (s: { id: string; token: string }, body: unknown) => call('POST', `/interactions/${s.id}/${s.token}/callback`, body);
  const webhook = (s: { token: string }) => `/webhooks/${fake.applicationId}/${s.token}`;

  it('accepts a message at every limit at once, and the same limits counted in UTF-16 units (128 emoji title)', async () => {
    const ok = await postMessage(fullest());
    expect(ok.status).toBe(200);
    expect(ok.json.embeds[0].title).toHaveLength(256);
    expect((await postMessage({ embeds: [{ title: '😀'.repeat(128), fields: [field('n', 'v')] }] })).status).toBe(200);
  });

  it.each(OVER)('refuses a channel message with %s, naming the path', async (_, body, path) => {
    const before = fake.invalidBodies.length;
    const res = await postMessage(body);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 50035, message: 'Invalid Form Body' });
    expect(errorAt(res.json.errors, path)?.[0]?.code).toMatch(/^[A-Z_]+$/);
    expect(fake.invalidBodies).toHaveLength(before + 1);
    expect(fake.invalidBodies.at(-1)?.status).toBe(400);
  });

  it('refuses over-limit interaction replies (type 4) under data, leaving the interaction unanswered', async () => {
    const s = fake.slash({ query: 'energy' });
    const bad = await callback(s, { type: 4, data: { ...fullest(), embeds: [{ title: 't'.repeat(257) }] } });
    expect(bad.status).toBe(400);
    expect(errorAt(bad.json.errors, ['data', 'embeds', '0', 'title'])?.[0]?.code).toBe('BASE_TYPE_MAX_LENGTH');
    // Refused: not acknowledged, so a valid answer still goes through.
    expect((await callback(s, { type: 4, data: fullest() })).status).toBe(204);
    expect((await callback(s, { type: 4, data: fullest() })).json.code).toBe(40060);
  });

  it('refuses an over-limit message update (type 7) on a button press', async () => {
    const s = fake.button('id:0', fake.createMessage(fake.channelId, fake.botUser, { content: 'hi' }));
    const bad = await callback(s, { type: 7, data: { components: [row(6)] } });
    expect(bad.status).toBe(400);
    expect(errorAt(bad.json.errors, ['data', 'components', '0', 'components'])).toBeDefined();
    expect((await callback(s, { type: 7, data: { components: [row(5)] } })).status).toBe(204);
  });

  it('refuses over-limit follow-ups and edits through the interaction webhook', async () => {
    const s = fake.slash({ query: 'energy' });
    expect((await callback(s, { type: 5, data: { flags: 64 } })).status).toBe(204);
    const edit = await call('PATCH', `${webhook(s)}/messages/@original`, { embeds: [{ description: 'd'.repeat(4097) }] });
    expect(edit.status).toBe(400);
    expect(errorAt(edit.json.errors, ['embeds', '0', 'description'])).toBeDefined();
    const followUp = await call('POST', webhook(s), { content: 'c'.repeat(2001) });
    expect(followUp.status).toBe(400);
    expect(errorAt(followUp.json.errors, ['content'])).toBeDefined();
    expect((await call('PATCH', `${webhook(s)}/messages/@original`, fullest())).status).toBe(200);
    expect((await call('POST', webhook(s), fullest())).status).toBe(200);
  });

  const choice = (name: string, value: string | number = name) => ({ name, value });
  const AUTOCOMPLETE: [string, unknown[], string[]][] = [
    ['more than 25 choices', many(26, (i) => choice(`c${i}`)), ['data', 'choices']],
    ['a name over 100', [choice('ok'), choice('n'.repeat(101), 'v')], ['data', 'choices', '1', 'name']],
    ['an empty name', [choice('', 'v')], ['data', 'choices', '0', 'name']],
    ['a value over 100', [choice('n', 'v'.repeat(101))], ['data', 'choices', '0', 'value']],
    ['an empty value', [choice('n', '')], ['data', 'choices', '0', 'value']],
  ];

  it.each(AUTOCOMPLETE)('refuses autocomplete results (type 8) with %s', async (_, choices, path) => {
    const s = fake.autocomplete('ener');
    const res = await callback(s, { type: 8, data: { choices } });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe(50035);
    expect(errorAt(res.json.errors, path)).toBeDefined();
  });

  it('accepts 25 autocomplete choices of 100 characters (and numeric values)', async () => {
    const s = fake.autocomplete('ener');
    const choices = many(25, (i) => choice(`${i}`.padEnd(100, 'n'), `${i}`.padEnd(100, 'v')));
    expect((await callback(s, { type: 8, data: { choices: [...choices.slice(1), choice('n', 7)] } })).status).toBe(204);
  });
});

describe('fake Discord: strictness outside the limits', () => {
  it('fails close() when it refused a body, so a test whose bot sent one fails', async () => {
    const fake = await FakeDiscord.start();
    const res = await fetch(`${fake.apiUrl}/v10/channels/${fake.channelId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bot ${fake.token}` },
      body: JSON.stringify({ content: 'c'.repeat(2001) }),
    });
    expect(res.status).toBe(400);
    await expect(fake.close()).rejects.toThrow(/refused 1 over-limit request.*POST \/channels\/\d+\/messages.*content/s);
  });

  it('returns *_localizations of registered commands only with with_localizations=true, like Discord', async () => {
    const fake = await FakeDiscord.start();
    try {
      const path = `${fake.apiUrl}/v10/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`;
      const headers = { 'content-type': 'application/json', authorization: `Bot ${fake.token}` };
      const command = {
        name: 'deal',
        description: 'Ask',
        description_localizations: { fr: 'Demander' },
        options: [{ type: 3, name: 'query', description: 'Q', name_localizations: { fr: 'question' }, description_localizations: { fr: 'Q' } }],
      };
      expect((await fetch(path, { method: 'PUT', headers, body: JSON.stringify([command]) })).status).toBe(200);
      const plain = JSON.stringify(await (await fetch(path, { headers })).json());
      expect(plain).toContain('"deal"');
      expect(plain).not.toContain('_localizations');
      const [full] = await (await fetch(`${path}?with_localizations=true`, { headers })).json();
      expect(full).toMatchObject({ description_localizations: { fr: 'Demander' }, options: [{ name_localizations: { fr: 'question' } }] });
    } finally {
      await fake.close();
    }
  });
});
