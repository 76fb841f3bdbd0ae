// /deal subscribe, unsubscribe and subscription through the real Bot and a real database.
import { beforeEach, describe, expect, it } from 'vitest';
import { DISCORD_ADMIN_RULE } from '../../src/adapters/discord/admin.ts';
import { SLACK_ADMIN_RULE } from '../../src/adapters/slack/admin.ts';
import type { Asker } from '../../src/core/bot.ts';
import type { Platform } from '../../src/core/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { SqliteDriver as Db } from '../../src/store/sqlite.ts';
import { EXCHANGES } from '../../src/summary/calendar.ts';
import { MarketHolidayStore } from '../../src/summary/market-holidays.ts';
import { calendarsFrom } from '../../src/summary/schedule.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { testBot } from '../helpers/bot.ts';
import { useTempDatabase } from './helpers.ts';

const NOW = new Date('2026-03-27T10:00:00Z');

const ADMIN_RULES: Record<string, Asker['adminRule']> = { slack: SLACK_ADMIN_RULE, discord: DISCORD_ADMIN_RULE };

function asker(admin: boolean, platform: Platform = 'slack', channelId = 'C1'): Asker {
  return { platform, channel: { platform, id: channelId, workspace: 'T1' }, user: { id: 'U1', name: 'alice' }, isAdmin: async () => admin, adminRule: ADMIN_RULES[platform] };
}
const text = (r: Reply) => [r.intro, ...r.lines].filter(Boolean).join('\n');

describe('subscription commands', () => {
  const temp = useTempDatabase();
  let db: Db;
  let store: SubscriptionStore;
  const bot = (defaultTimezone = 'UTC') => testBot({ subscriptions: store, defaultTimezone, now: () => NOW });

  beforeEach(() => {
    db = temp.db;
    store = new SubscriptionStore(db, () => NOW, calendarsFrom((mic) => new MarketHolidayStore(db).calendar(EXCHANGES[mic]!)));
  });

  it('subscribes with the defaults: 09:00 in DEFAULT_TIMEZONE, in the command’s language, on the deal’s exchange trading days', async () => {
    const r = await bot('Europe/Paris').answer('subscribe', asker(true));
    expect(r).toMatchObject({ kind: 'notice', lang: 'en' });
    expect(text(r)).toContain('at 09:00 (Europe/Paris), in English, on NYSE/Nasdaq trading days (weekends and exchange holidays skipped)');
    // Friday 10:00 UTC is past 09:00 Paris; Saturday and Sunday do not trade: Monday.
    expect(text(r)).toContain('• 09:00 — next: 30 Mar 2026, 09:00 CEST');
    expect(await store.get({ platform: 'slack', id: 'C1' })).toMatchObject({ time: '09:00', times: ['09:00'], timezone: 'Europe/Paris', lang: 'en', calendar: 'XNYS', closedNotice: false, createdBy: 'alice', channel: { workspace: 'T1' } });
  });

  it('subscribes at several times a day and lists the next post of each, an early close included', async () => {
    const b = testBot({ subscriptions: store, defaultTimezone: 'UTC', now: () => new Date('2026-11-25T15:00:00Z') });
    const r = await b.answer('subscribe 16:30,09:00 America/New_York', asker(true));
    expect(await store.get({ platform: 'slack', id: 'C1' })).toMatchObject({ times: ['09:00', '16:30'], calendar: 'XNYS' });
    expect(text(r)).toContain('at 09:00 and 16:30 (America/New_York)');
    // Wednesday 10:00 New York: 16:30 today; Thursday is Thanksgiving, so 09:00 comes Friday, a 13:00 close.
    expect(r.lines.filter((l) => l.startsWith('• '))).toEqual([
      '• 16:30 — next: 25 Nov 2026, 16:30 GMT-5',
      '• 09:00 — next: 27 Nov 2026, 09:00 GMT-5 (early close at 13:00 that day)',
    ]);
    const shown = await b.answer('subscription', asker(false));
    expect(shown.lines.filter((l) => l.startsWith('• '))).toHaveLength(2);
  });

  it('takes a work week of calendar days (Sunday–Thursday), every day, and a closed-market notice', async () => {
    const b = bot();
    const week = await b.answer('subscribe 08:30 Asia/Jerusalem sun-thu', asker(true));
    expect(await store.get({ platform: 'slack', id: 'C1' })).toMatchObject({ calendar: 'days', workDays: [1, 2, 3, 4, 7] });
    expect(text(week)).toContain('Sun–Thu (calendar days)');
    expect(text(week)).toContain('• 08:30 — next: 29 Mar 2026, 08:30'); // Friday: next is Sunday
    await b.answer('subscribe every-day', asker(true));
    expect(await store.get({ platform: 'slack', id: 'C1' })).toMatchObject({ calendar: 'days', workDays: [1, 2, 3, 4, 5, 6, 7] });
    const notice = await b.answer('subscribe 09:00 America/New_York closed-notice', asker(true));
    expect(text(notice)).toContain('with a one-line notice on exchange holidays');
    expect(await store.get({ platform: 'slack', id: 'C1' })).toMatchObject({ calendar: 'XNYS', closedNotice: true });
    const bad = await b.answer('subscribe every-day closed-notice', asker(true));
    expect(text(bad)).toContain('closed-notice goes with the market calendar');
  });

  it('takes a time, an IANA timezone and a language in any order, and replaces the previous settings', async () => {
    const b = bot();
    await b.answer('subscribe', asker(true));
    const r = await b.answer('subscribe fr 7h30 america/new_york', asker(true));
    expect(r.lang).toBe('fr');
    expect(text(r)).toContain('à 07:30 (America/New_York), en français, les jours de séance NYSE/Nasdaq');
    expect(await store.list()).toHaveLength(1);
    expect(await store.get({ platform: 'slack', id: 'C1' })).toMatchObject({ time: '07:30', timezone: 'America/New_York', lang: 'fr' });
  });

  it('a French command subscribes in French', async () => {
    const r = await bot().answer('abonner 18:00 Europe/Paris', asker(true, 'discord', 'D9'));
    expect(r.lang).toBe('fr');
    expect(await store.get({ platform: 'discord', id: 'D9' })).toMatchObject({ lang: 'fr', time: '18:00' });
  });

  it('refuses non-admins clearly, naming who may do it on each platform, and changes nothing', async () => {
    const slack = await bot().answer('subscribe 09:00 UTC', asker(false, 'slack'));
    expect(slack.kind).toBe('notice');
    expect(text(slack)).toMatch(/^Only workspace admins and owners \(or users listed in DEALBOT_ADMINS\)/);
    const discord = await bot().answer('subscribe 09:00 UTC', asker(false, 'discord'));
    expect(text(discord)).toMatch(/Manage Server or Manage Channels/);
    store.subscribe({ channel: { platform: 'slack', id: 'C1' }, time: '08:00', timezone: 'UTC', lang: 'en', by: 'admin' });
    const unsub = await bot().answer('unsubscribe', asker(false));
    expect(text(unsub)).toMatch(/^Only workspace admins/);
    expect(await store.list()).toHaveLength(1);
    expect((await store.list())[0]).toMatchObject({ time: '08:00' });
  });

  it('explains what is accepted for a bad time or an unknown timezone, and saves nothing', async () => {
    const badTime = await bot('Europe/Paris').answer('subscribe 25:00', asker(true));
    expect(text(badTime)).toContain('“25:00” is not a time of day: use HH:MM from 00:00 to 23:59');
    expect(text(badTime)).toContain('Accepted: /deal subscribe [HH:MM[,HH:MM…]] [IANA timezone] [en|fr] [market|every-day|sun-thu…] [closed-notice]');
    expect(text(badTime)).toContain('Defaults: 09:00, Europe/Paris');
    const badZone = await bot().answer('subscribe 09:00 Mars/Olympus', asker(true));
    expect(text(badZone)).toContain('“Mars/Olympus” is not an IANA timezone');
    const gibberish = await bot().answer('subscribe tomorrow please', asker(true));
    expect(text(gibberish)).toMatch(/is not (understood|an IANA timezone)/);
    const twice = await bot().answer('subscribe 09:00 UTC Europe/Paris', asker(true));
    expect(text(twice)).toContain('at most once each');
    const tooMany = await bot().answer('subscribe 01:00,02:00,03:00,04:00,05:00,06:00,07:00,08:00,09:00,10:00', asker(true));
    expect(text(tooMany)).toContain('at most 9 times a day');
    const frBad = await bot().answer('abonner 24:61', asker(true));
    expect(text(frBad)).toContain('« 24:61 » n’est pas une heure');
    expect(await store.list()).toHaveLength(0);
  });

  it('shows this channel’s subscription to anyone, and unsubscribes for an admin', async () => {
    const b = bot();
    expect(text(await b.answer('subscription', asker(false)))).toMatch(/^This channel has no daily summary\./);
    await b.answer('subscribe 17:30 Asia/Tokyo', asker(true));
    const shown = await b.answer('subscription', asker(false));
    expect(text(shown)).toContain('at 17:30 (Asia/Tokyo), in English, on NYSE/Nasdaq trading days');
    // Friday 19:00 Tokyo: Saturday 17:30 Tokyo is Saturday 04:30 in New York, no session; Monday 17:30 is Monday morning there.
    expect(text(shown)).toContain('• 17:30 — next: 30 Mar 2026, 17:30 GMT+9');
    expect(text(shown)).toContain('Set by alice');
    // Another channel is another subscription.
    expect(text(await b.answer('subscription', asker(false, 'slack', 'C2')))).toMatch(/no daily summary/);

    const gone = await b.answer('unsubscribe', asker(true));
    expect(text(gone)).toBe('This channel will no longer get the daily summary.');
    expect(await store.list()).toHaveLength(0);
    expect(text(await b.answer('unsubscribe', asker(true)))).toMatch(/^This channel has no daily summary/);
  });

  it('says so when the bot runs without a database', async () => {
    const r = await testBot({}).answer('subscribe', asker(true));
    expect(text(r)).toMatch(/without its database/);
  });

  it('lists the three commands in help', async () => {
    const r = await bot().answer('help', asker(false));
    expect(r.lines.some((l) => l.startsWith('/deal subscribe [HH:MM[,HH:MM]] [timezone] [en|fr] [market|every-day|sun-thu] [closed-notice]'))).toBe(true);
    expect(r.lines.some((l) => l.startsWith('/deal unsubscribe'))).toBe(true);
    expect(r.lines.some((l) => l.startsWith('/deal subscription'))).toBe(true);
  });
});
