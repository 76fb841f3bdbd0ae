// Issue 15 on Slack, end to end: the real Bolt app in HTTP mode against the fake Slack, over a real
// SQLite store: 👍 / 👎 with the "what was missing?" modal, follow-ups in a thread, the message
// shortcut, the App Home, and the asker's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_ACTION_ID } from '../../src/adapters/slack/actions.ts';
import { GapLog } from '../../src/core/gaps.ts';
import { all } from '../../src/store/sql.ts';
import { featureStore, type FeatureStore } from '../helpers/features.ts';
import {
  BOT_USER_ID,
  buttonPayload,
  eventEnvelope,
  eventRequest,
  feedbackPayload,
  interactiveRequest,
  messageShortcutPayload,
  postToApp,
  slackRejects,
  slashCommand,
  TEAM_ID,
  viewSubmissionPayload,
} from './fake-slack.ts';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
let f: FeatureStore;
let url: string;

beforeAll(async () => {
  f = await featureStore();
  h = await startHarness({ botOptions: f.bot, policy: f.policy });
  url = h.slack.eventsUrl!;
});
afterAll(async () => {
  await h?.close();
  await f?.close();
});

type Payload = { text?: string; blocks?: any[]; response_type?: string; [k: string]: unknown };

async function command(text: string, opts: { user?: string; channel?: string } = {}) {
  const responseUrl = h.fake.responseUrl();
  await postToApp(url, slashCommand({ text, responseUrl, ...opts }));
  const response = await h.fake.waitFor(() => h.fake.responsesTo(responseUrl)[0], 5000, `a response to /deal ${text}`);
  return response.body as Payload;
}

const feedbackOf = (p: Payload) => p.blocks?.find((b) => b.type === 'context_actions')?.elements?.[0];
const headerOf = (p: Payload | undefined) => p?.blocks?.[0]?.text?.text as string | undefined;
const votes = () => all<{ user_id: string; vote: number; comment: string | null }>(f.store.driver, 'SELECT user_id, vote, comment FROM feedback_votes ORDER BY user_id');

describe('feedback on answers', () => {
  it('puts Slack’s own 👍 / 👎 under an answer; a vote changed twice keeps one row; 👎 opens the modal, whose note is kept', async () => {
    const answer = await command('how much will nvidia invest?', { user: 'U0VOTER01' });
    expect(slackRejects(answer)).toBeUndefined();
    const buttons = feedbackOf(answer);
    expect(buttons).toMatchObject({ type: 'feedback_buttons', action_id: FEEDBACK_ACTION_ID, positive_button: { text: { text: '👍' } }, negative_button: { text: { text: '👎' } } });
    const [up, down] = [buttons.positive_button.value as string, buttons.negative_button.value as string];
    expect(up).toMatch(/^up\|[\w-]+\|en$/);
    const answerId = up.split('|')[1]!;
    expect((await f.store.feedback.get(answerId))?.factIds).toEqual(expect.arrayContaining(['investment-up-to-100bn']));

    const press = async (value: string) => {
      const responseUrl = h.fake.responseUrl();
      const opened = h.fake.callsOf('views.open').length;
      expect((await postToApp(url, interactiveRequest(feedbackPayload({ value, responseUrl, user: 'U0VOTER01' })))).status).toBe(200);
      return { responseUrl, opened };
    };
    // 👍: kept, and a private thank-you.
    const first = await press(up);
    const thanks = await h.fake.waitFor(() => h.fake.responsesTo(first.responseUrl)[0]);
    expect(thanks.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: 'Thanks for your feedback.' });
    // 👎: the vote replaced, and the modal opened with the press's trigger.
    const second = await press(down);
    const open = await h.fake.waitFor(() => h.fake.callsOf('views.open')[second.opened]);
    const view = open.args.view as any;
    expect(view).toMatchObject({ type: 'modal', callback_id: 'dealbot_form', title: { text: 'What was missing?' }, blocks: [{ type: 'input', optional: true, element: { type: 'plain_text_input', multiline: true } }] });
    expect(await votes()).toEqual([{ user_id: 'U0VOTER01', vote: -1, comment: null }]);
    // 👍 again: still one row.
    await press(up);
    await h.fake.waitFor(async () => false, 200).catch(() => undefined);
    await waitUntil(async () => (await votes())[0]?.vote === 1);
    expect(await votes()).toEqual([{ user_id: 'U0VOTER01', vote: 1, comment: null }]);

    // 👎 and what was missing: the submission is kept with the vote, and the modal says thanks.
    await press(down);
    await waitUntil(async () => (await votes())[0]?.vote === -1);
    const submitted = await postToApp(url, interactiveRequest(viewSubmissionPayload({ view, values: { missing: 'when the final contract is signed', }, user: 'U0VOTER01' })));
    expect(submitted.status).toBe(200);
    expect(JSON.parse(submitted.text)).toMatchObject({ response_action: 'update', view: { type: 'modal', blocks: [{ text: { text: expect.stringContaining('curate') } }] } });
    expect(await votes()).toEqual([{ user_id: 'U0VOTER01', vote: -1, comment: 'when the final contract is signed' }]);
    expect(f.votes.filter((v) => v.platform === 'slack').map((v) => v.vote)).toEqual(['up', 'down', 'up', 'down', 'comment']);

    // The curators' report lists the 👎 answer with what was missing and the facts it showed.
    const [gap] = await new GapLog(f.store.unanswered, f.store.feedback).list({ workspace: TEAM_ID });
    expect(gap).toMatchObject({ query: 'how much will nvidia invest?', downVotes: 1, unanswered: 0, comments: ['when the final contract is signed'], platforms: ['slack'] });
    expect(gap!.shown[0]!.factIds).toContain('investment-up-to-100bn');
  });

  it('a vote on an answer it does not know (pruned, or a forged value) is refused, privately', async () => {
    const responseUrl = h.fake.responseUrl();
    await postToApp(url, interactiveRequest(feedbackPayload({ value: 'up|unknownAnswer1|fr', responseUrl })));
    const notice = await h.fake.waitFor(() => h.fake.responsesTo(responseUrl)[0]);
    expect(notice.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('ne peut plus être notée') });
  });

  it('notices, help and "no facts" get no buttons', async () => {
    expect(feedbackOf(await command('help'))).toBeUndefined();
    expect(feedbackOf(await command('tesla'))).toBeUndefined();
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A message event as Slack sends it: a mention (app_mention) or a channel message (message.channels). */
async function say(e: { type: 'app_mention' | 'message'; text: string; ts: string; channel: string; thread_ts?: string; user?: string; channel_type?: string }) {
  const event = { user: 'U0ASKER01', ...(e.type === 'message' ? { channel_type: 'channel' } : {}), ...e };
  expect((await postToApp(url, eventRequest(eventEnvelope(event)))).status).toBe(200);
}

const postsIn = (channel: string, thread: string) => h.fake.callsOf('chat.postMessage').filter((c) => c.args.channel === channel && c.args.thread_ts === thread);

describe('follow-ups in a thread', () => {
  it('reads a reply in the thread with the previous question: another language, another company, no mention needed from the asker', async () => {
    const channel = 'C0THREAD1';
    const root = '1700001000.000100';
    await say({ type: 'app_mention', text: `<@${BOT_USER_ID}> how much will Nvidia invest?`, ts: root, channel });
    const first = await h.fake.waitFor(() => postsIn(channel, root)[0]);
    expect(JSON.stringify(first.args.blocks)).toContain('$100 billion');

    // The asker, without a mention: read as a follow-up, in French.
    await say({ type: 'message', text: 'and in French?', ts: '1700001000.000200', thread_ts: root, channel });
    const french = await h.fake.waitFor(() => postsIn(channel, root)[1]);
    const text = JSON.stringify(french.args.blocks);
    expect(text).toContain('Suite de « how much will Nvidia invest? »');
    expect(text).toMatch(/100 milliards/);

    // Someone else, without a mention: not for the bot.
    await say({ type: 'message', text: 'what about Oracle?', ts: '1700001000.000300', thread_ts: root, channel, user: 'U0OTHER001' });
    // …with a mention: the same subject, another company (the base has no Oracle investment: no facts, said plainly).
    await say({ type: 'app_mention', text: `<@${BOT_USER_ID}> what about Oracle?`, ts: '1700001000.000400', thread_ts: root, channel, user: 'U0OTHER001' });
    const oracle = await h.fake.waitFor(() => postsIn(channel, root)[2]);
    expect(String(oracle.args.text)).toContain('how much will Oracle invest?');
    await h.fake.settle(200);
    expect(postsIn(channel, root)).toHaveLength(3);

    // "when?" in the asker's thread asks the form of the thread's subject.
    const energy = '1700001100.000100';
    await say({ type: 'app_mention', text: `<@${BOT_USER_ID}> energy`, ts: energy, channel });
    await h.fake.waitFor(() => postsIn(channel, energy)[0]);
    await say({ type: 'message', text: 'when?', ts: '1700001100.000200', thread_ts: energy, channel });
    const when = await h.fake.waitFor(() => postsIn(channel, energy)[1]);
    expect(String(when.args.text)).toContain('Following up on “energy”');
    expect(String(when.args.text)).toContain('2026');
  });

  it('a follow-up in another thread does not inherit the context; chatter in a thread is left alone', async () => {
    const channel = 'C0THREAD2';
    await say({ type: 'app_mention', text: `<@${BOT_USER_ID}> how much will Nvidia invest?`, ts: '1700002000.000100', channel });
    await h.fake.waitFor(() => postsIn(channel, '1700002000.000100')[0]);
    // Another thread of the same channel, same asker: read on its own.
    const other = '1700002100.000100';
    await say({ type: 'app_mention', text: `<@${BOT_USER_ID}> and in French?`, ts: '1700002100.000200', thread_ts: other, channel });
    const alone = await h.fake.waitFor(() => postsIn(channel, other)[0]);
    expect(String(alone.args.text)).not.toMatch(/Following up|Suite de|100 billion|100 milliards/);
    // A thread the bot never answered in: an unmentioned reply is nobody's business but the people there.
    await say({ type: 'message', text: 'and in French?', ts: '1700002200.000200', thread_ts: '1700002200.000100', channel });
    // "thanks!" from the asker in their own thread: not a question.
    await say({ type: 'message', text: 'thanks!', ts: '1700002000.000300', thread_ts: '1700002000.000100', channel });
    await h.fake.settle(300);
    expect(postsIn(channel, '1700002200.000100')).toHaveLength(0);
    expect(postsIn(channel, '1700002000.000100')).toHaveLength(1);
  });
});

describe('"Ask dealbot about this" (message shortcut)', () => {
  it('answers the presser privately, citing facts, never echoing the message: @everyone in it pings nobody', async () => {
    const responseUrl = h.fake.responseUrl();
    const posts = h.fake.callsOf('chat.postMessage').length;
    const text = '<!everyone> <!channel> big news: Nvidia is investing up to 100 billion dollars in OpenAI! <@U0VICTIM1> @everyone';
    expect((await postToApp(url, interactiveRequest(messageShortcutPayload({ text, responseUrl })))).status).toBe(200);
    const answer = (await h.fake.waitFor(() => h.fake.responsesTo(responseUrl)[0])).body as Payload;
    expect(answer.response_type).toBe('ephemeral');
    expect(slackRejects(answer)).toBeUndefined();
    expect(headerOf(answer)).toBe('About this message');
    const json = JSON.stringify(answer);
    expect(json).toContain('$100 billion');
    expect(json).toMatch(/\[1\] § /); // cited
    expect(json).not.toMatch(/everyone|<!|<@|VICTIM|big news/i); // the message is never echoed, so nothing in it can ping
    expect(json).not.toContain('dealbot_share'); // private, not for sharing
    expect(feedbackOf(answer)).toBeDefined();
    await h.fake.settle(100);
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(posts);
  });

  it('says plainly when the base has nothing on the message, still without echoing it', async () => {
    const responseUrl = h.fake.responseUrl();
    await postToApp(url, interactiveRequest(messageShortcutPayload({ text: 'Who wants pizza for lunch? <!here>', responseUrl })));
    const answer = (await h.fake.waitFor(() => h.fake.responsesTo(responseUrl)[0])).body as Payload;
    expect(answer.text).toContain('The fact base has nothing on what this message says.');
    expect(JSON.stringify(answer)).not.toMatch(/lunch|pizza|here/);
  });
});

describe('the App Home', () => {
  it('shows the deal at a glance with citations, the language setting, this workspace’s summaries (Stop buttons for admins only) and the commands', async () => {
    h.fake.users.set('U0ADMIN01', { name: 'boss', is_admin: true });
    h.fake.users.set('U0MEMBER1', { name: 'member' });
    await f.subscriptions.subscribe({ channel: { platform: 'slack', id: 'C0SUBS001', workspace: TEAM_ID, name: 'deals' }, times: ['09:00', '16:30'], timezone: 'America/New_York', lang: 'en', by: 'boss' });
    await f.subscriptions.subscribe({ channel: { platform: 'slack', id: 'C0ELSEWH1', workspace: 'T0OTHER01', name: 'theirs' }, time: '08:00', timezone: 'UTC', lang: 'en', by: 'x' });

    const open = async (user: string) => {
      h.fake.homes.delete(user);
      await postToApp(url, eventRequest(eventEnvelope({ type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: `${Date.now() / 1000}` })));
      return h.fake.waitFor(() => h.fake.homes.get(user), 5000, 'views.publish');
    };
    const member = await open('U0MEMBER1');
    const text = JSON.stringify(member);
    expect(member.type).toBe('home');
    expect(text).toContain('The deal at a glance');
    expect(text).toMatch(/\[1\] § /);
    expect(text).toContain('I answer you in English when your question does not tell');
    expect(text).toContain('<#C0SUBS001> — 09:00, 16:30 (America/New_York) · next:');
    expect(text).not.toContain('C0ELSEWH1'); // another workspace's channel
    expect(text).toContain('/deal subscribe');
    expect(text).not.toContain('"unsubscribe"'); // no Stop for a member

    const admin = await open('U0ADMIN01');
    const stop = admin.blocks.find((b: any) => b.accessory?.value?.includes('unsubscribe'))?.accessory;
    expect(stop).toMatchObject({ type: 'button', style: 'danger', text: { text: 'Stop' }, confirm: { text: { text: 'Stop the daily summary in #deals?' } } });

    // The admin presses Stop: the channel stops getting the summary, and the Home says so.
    h.fake.homes.delete('U0ADMIN01');
    await postToApp(url, interactiveRequest(buttonPayload({ actionId: stop.action_id, value: stop.value, user: 'U0ADMIN01', home: true })));
    const after = await h.fake.waitFor(() => h.fake.homes.get('U0ADMIN01'));
    expect(JSON.stringify(after)).toContain('This channel will no longer get the daily summary.');
    expect(await f.subscriptions.get({ platform: 'slack', id: 'C0SUBS001' })).toBeUndefined();

    // A member choosing Français on the Home: kept, and the Home comes back in French.
    const french = member.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.text?.text === 'Français');
    h.fake.homes.delete('U0MEMBER1');
    await postToApp(url, interactiveRequest(buttonPayload({ actionId: french.action_id, value: french.value, user: 'U0MEMBER1', home: true })));
    const inFrench = await h.fake.waitFor(() => h.fake.homes.get('U0MEMBER1'));
    expect(JSON.stringify(inFrench)).toContain('L’accord en bref');
    expect(await f.store.settings.lang({ platform: 'slack', workspace: TEAM_ID, user: 'U0MEMBER1' })).toBe('fr');
  });
});

describe('the asker’s language', () => {
  it('comes from Slack’s user locale (users.info include_locale, cached) when the question does not tell; /deal lang overrides it; a question’s own language wins', async () => {
    h.fake.users.set('U0FRENCH1', { name: 'amelie', locale: 'fr-FR' });
    const lookups = () => h.fake.callsOf('users.info').filter((c) => c.args.user === 'U0FRENCH1');
    expect(headerOf(await command('timeline', { user: 'U0FRENCH1' }))).toBe('Calendrier');
    expect(headerOf(await command('energy', { user: 'U0FRENCH1' }))).toBe('Energy'); // "energy" tells: English
    expect(lookups()).toHaveLength(1);
    expect(lookups()[0]!.args.include_locale).toBe('true');

    expect(headerOf(await command('lang en', { user: 'U0FRENCH1' }))).toBe('Language');
    expect(headerOf(await command('timeline', { user: 'U0FRENCH1' }))).toBe('Timeline');
    expect(headerOf(await command('quand commence la première phase ?', { user: 'U0FRENCH1' }))).toMatch(/^dealbot : /);
    const shown = await command('lang', { user: 'U0FRENCH1' });
    expect(shown.text).toContain('your /deal lang setting');
    expect(headerOf(await command('lang auto', { user: 'U0FRENCH1' }))).toBe('Language');
    expect(headerOf(await command('timeline', { user: 'U0FRENCH1' }))).toBe('Calendrier');
  });

  it('an admin sets the workspace’s default, used for members whose locale is none of ours', async () => {
    h.fake.users.set('U0GERMAN1', { name: 'jonas', locale: 'de-DE' });
    h.fake.users.set('U0ADMIN02', { name: 'chef', is_admin: true });
    expect(headerOf(await command('timeline', { user: 'U0GERMAN1' }))).toBe('Timeline');
    expect((await command('lang default fr', { user: 'U0GERMAN1' })).text).toContain('Only workspace admins');
    expect((await command('lang default fr', { user: 'U0ADMIN02' })).text).toContain('default language is now');
    expect(headerOf(await command('timeline', { user: 'U0GERMAN1' }))).toBe('Calendrier');
    await command('lang default auto', { user: 'U0ADMIN02' });
  });
});
