// Strings shaped like Slack and Discord tokens, so the pattern scrubbing is exercised, but never
// valid. Assembled at run time so that no token-shaped string sits in the sources (secret scanners
// flag those, and the repository's own check does too).
export const fake = (...parts: string[]) => parts.join('');

export const FAKE_SLACK_BOT_TOKEN = fake('xoxb-', '1111111111-2222222222222-AbCdEfGhIjKlMnOpQrStUvWx');
export const FAKE_SLACK_APP_TOKEN = fake('xapp-1-', 'A0000000000-3333333333333-0123456789abcdef0123456789abcdef');
export const FAKE_DISCORD_TOKEN = fake('MTIzNDU2Nzg5MDEyMzQ1Njc4', '.GaBcDe.', 'abcdefghijklmnopqrstuvwxyz0123456');
