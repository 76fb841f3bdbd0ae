// Wraps a Bot so shutdown can wait for answers in flight, and so a question arriving while the
// bot shuts down gets a short "restarting" notice instead of starting new work.
import type { Bot } from '../core/bot.ts';
import { reply } from '../core/reply.ts';
import type { InFlight } from './shutdown.ts';

const RESTARTING = {
  en: { title: 'Restarting', intro: 'dealbot is restarting. Please ask again in a minute.' },
  fr: { title: 'Redémarrage', intro: 'dealbot redémarre. Reposez votre question dans une minute.' },
} as const;

export function drainingBot(bot: Bot, inflight: InFlight): Bot {
  return {
    commands: bot.commands,
    engine: bot.engine,
    ...(bot.flush ? { flush: bot.flush } : {}),
    answer(text, asker) {
      if (inflight.isClosed()) {
        let lang = asker.lang ?? 'en';
        try {
          if (text.trim()) lang = bot.engine().detectLang(text.slice(0, 500));
        } catch {
          // keep the asker's language
        }
        return Promise.resolve(reply({ kind: 'notice', lang, ...RESTARTING[lang], items: [] }));
      }
      return inflight.track(() => bot.answer(text, asker));
    },
  };
}
