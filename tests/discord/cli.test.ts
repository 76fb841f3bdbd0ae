// `dealbot discord register|invite` and the Discord env config, against the fake Discord's REST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { discordCli } from '../../src/adapters/discord/cli.ts';
import { dealCommandJson } from '../../src/adapters/discord/command-json.ts';
import { readDiscordConfig } from '../../src/adapters/discord/config.ts';
import { ConfigError } from '../../src/config/env.ts';
import { FakeDiscord } from './fake-discord.ts';
import { adminProbeCommand } from './helpers.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
}

const REST = { rest: { retries: 0, timeout: 2000 } };

describe('dealbot discord register', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  const puts = () => fake.requests.filter((r) => r.method === 'PUT');
  const gets = () => fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/commands'));

  it('registers /deal in a guild with the JSON generated from the command list, then reports it unchanged', async () => {
    const first = capture();
    expect(await discordCli(['register', '--guild', fake.guildId], { io: first.io, env: fake.env(), commands, ...REST })).toBe(0);
    const [put] = puts();
    expect(put?.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(put?.headers.authorization).toBe(`Bot ${fake.token}`);
    expect(put?.body).toEqual(dealCommandJson(commands));
    expect(first.out.join('\n')).toMatch(/created\s+\/deal/);

    const again = capture();
    expect(await discordCli(['register', `--guild=${fake.guildId}`], { io: again.io, env: fake.env(), commands, ...REST })).toBe(0);
    expect(puts()).toHaveLength(1); // nothing changed: no PUT
    expect(again.out.join('\n')).toMatch(/unchanged\s+\/deal/);
    expect(again.out.join('\n')).toContain('Nothing to change.');
  });

  it('reads the registered commands with their localizations, which Discord leaves out unless asked', async () => {
    // The registered /deal carries French descriptions; compared without them it would look changed.
    expect(JSON.stringify(dealCommandJson(commands))).toContain('description_localizations');
    const before = gets().length;
    const run = capture();
    expect(await discordCli(['register', '--guild', fake.guildId], { io: run.io, env: fake.env(), commands, ...REST })).toBe(0);
    const get = gets()[before];
    expect(get?.query.get('with_localizations')).toBe('true');
    expect(run.out.join('\n')).toMatch(/unchanged\s+\/deal/);
  });

  it('says what changed when the command list changes', async () => {
    const run = capture();
    // A new command early in the list changes the query option's hint.
    const changed = [commands[0]!, adminProbeCommand, ...commands.slice(1)];
    expect(await discordCli(['register', '--guild', fake.guildId], { io: run.io, env: fake.env(), ...REST, commands: changed })).toBe(0);
    expect(run.out.join('\n')).toMatch(/updated\s+\/deal \(options\)/);
    expect(puts().at(-1)?.body).toEqual(dealCommandJson(changed));
    expect(JSON.stringify(puts().at(-1)?.body)).toContain('adminprobe');
  });

  it('registers globally without --guild', async () => {
    const run = capture();
    expect(await discordCli(['register'], { io: run.io, env: fake.env(), commands, ...REST })).toBe(0);
    expect(puts().at(-1)?.path).toBe(`/applications/${fake.applicationId}/commands`);
    expect(run.out.join('\n')).toMatch(/global/);

    const putsBefore = puts().length;
    const again = capture();
    expect(await discordCli(['register'], { io: again.io, env: fake.env(), commands, ...REST })).toBe(0);
    expect(puts()).toHaveLength(putsBefore);
    expect(gets().at(-1)?.query.get('with_localizations')).toBe('true');
    expect(again.out.join('\n')).toMatch(/unchanged\s+\/deal/);
  });

  it('removes the commands of one server with --remove, leaving the global ones', async () => {
    const setUp = capture();
    expect(await discordCli(['register', '--guild', fake.guildId], { io: setUp.io, env: fake.env(), commands, ...REST })).toBe(0);
    expect(fake.commands.get(fake.guildId)?.map((c) => c.name)).toEqual(['deal', 'Ask dealbot about this']);

    const run = capture();
    expect(await discordCli(['register', '--guild', fake.guildId, '--remove'], { io: run.io, env: fake.env(), commands, ...REST })).toBe(0);
    expect(puts().at(-1)?.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(puts().at(-1)?.body).toEqual([]);
    expect(run.out.join('\n')).toMatch(/deleted\s+\/deal/);
    expect(run.out.join('\n')).toContain('Removed.');
    expect(fake.commands.get(fake.guildId) ?? []).toEqual([]);
    expect(fake.commands.get('global')?.map((c) => c.name)).toEqual(['deal', 'Ask dealbot about this']);

    const again = capture();
    expect(await discordCli(['register', '--guild', fake.guildId, '--remove'], { io: again.io, env: fake.env(), commands, ...REST })).toBe(0);
    expect(again.out.join('\n')).toContain('Nothing to change.');
  });

  it('explains a server the bot is not in, and a rejected token, without printing the token', async () => {
    const missing = capture();
    expect(await discordCli(['register', '--guild', '123456789012345678'], { io: missing.io, env: fake.env(), commands, ...REST })).toBe(1);
    expect(missing.err.join('\n')).toMatch(/invite the bot/);

    const wrong = 'MTAxNDk3.wrong.token-not-accepted-here';
    const bad = capture();
    expect(await discordCli(['register'], { io: bad.io, env: { ...fake.env(), DISCORD_TOKEN: wrong }, commands, ...REST })).toBe(1);
    expect(bad.err.join('\n')).toMatch(/DISCORD_TOKEN \(401\)/);
    expect([...bad.out, ...bad.err].join('\n')).not.toContain(wrong);
  });

  it('rejects a malformed --guild and a missing token', async () => {
    const badGuild = capture();
    expect(await discordCli(['register', '--guild', 'general'], { io: badGuild.io, env: fake.env(), commands, ...REST })).toBe(1);
    const noToken = capture();
    expect(await discordCli(['register'], { io: noToken.io, env: {}, commands, ...REST })).toBe(1);
    expect(noToken.err.join('\n')).toContain('DISCORD_TOKEN');
  });
});

describe('dealbot discord invite', () => {
  it('prints the OAuth2 URL with the bot and applications.commands scopes', async () => {
    const run = capture();
    expect(await discordCli(['invite'], { io: run.io, env: { DISCORD_APPLICATION_ID: '123456789012345678' }, commands })).toBe(0);
    const url = new URL(run.out[0]!);
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(run.out.join('\n')).toContain('Embed Links');
  });

  it('needs DISCORD_APPLICATION_ID', async () => {
    const run = capture();
    expect(await discordCli(['invite'], { io: run.io, env: {}, commands })).toBe(1);
    expect(run.err.join('\n')).toContain('DISCORD_APPLICATION_ID');
  });

  it('prints usage for an unknown subcommand', async () => {
    const run = capture();
    expect(await discordCli(['frobnicate'], { io: run.io, env: {}, commands })).toBe(1);
    expect(run.err.join('\n')).toMatch(/Usage: dealbot discord/);
  });
});

describe('readDiscordConfig', () => {
  const good = { DISCORD_TOKEN: 'MTAxNDk3.abc.defghijklmnopqrstuvwxyz', DISCORD_APPLICATION_ID: '123456789012345678' };

  it('is undefined when Discord is not configured', () => {
    expect(readDiscordConfig({})).toBeUndefined();
    expect(readDiscordConfig({ DISCORD_TOKEN: '' })).toBeUndefined();
  });

  it('reads a complete configuration, API URL without trailing slash', () => {
    expect(readDiscordConfig({ ...good, DISCORD_API_URL: 'http://127.0.0.1:1234/api/' })).toEqual({
      token: good.DISCORD_TOKEN,
      applicationId: good.DISCORD_APPLICATION_ID,
      apiUrl: 'http://127.0.0.1:1234/api',
      port: 3000,
    });
  });

  it('reads the interactions public key, the shards and PORT; names a bad one', () => {
    const key = 'AB'.repeat(32);
    expect(readDiscordConfig({ ...good, DISCORD_PUBLIC_KEY: key, DISCORD_SHARDS: 'auto', PORT: '8080' })).toMatchObject({ publicKey: key.toLowerCase(), shards: 'auto', port: 8080 });
    expect(readDiscordConfig({ ...good, DISCORD_SHARDS: '4' })).toMatchObject({ shards: 4 });
    expect(() => readDiscordConfig({ ...good, DISCORD_PUBLIC_KEY: 'not-a-key' })).toThrow(/DISCORD_PUBLIC_KEY: must be the application’s Public Key/);
    expect(() => readDiscordConfig({ ...good, DISCORD_SHARDS: 'many' })).toThrow(/DISCORD_SHARDS: must be "auto" or a number/);
  });

  it('names every bad variable', () => {
    try {
      readDiscordConfig({ DISCORD_TOKEN: 'Bot abc', DISCORD_API_URL: 'ftp://x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('DISCORD_TOKEN');
      expect(problems).toContain('DISCORD_APPLICATION_ID');
      expect(problems).toContain('DISCORD_API_URL');
      expect(problems).not.toContain('Bot abc');
    }
  });
});
