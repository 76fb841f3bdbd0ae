// Where Discord's Interactions Endpoint is served (kept apart so start-up can name it without loading discord.js).
export const INTERACTIONS_PATH = '/discord/interactions';
