// The HTTP paths Slack calls in HTTP mode (the manifest writes them; the receiver serves them).
export const EVENTS_PATH = '/slack/events';
/** OAuth mode: the "Add to Slack" page, and where Slack sends the browser back with the code. */
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';
