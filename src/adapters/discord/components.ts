// The buttons and the modal of a Discord answer besides Share: 👍 / 👎 under answers (a 👎 opens the
// "what was missing?" modal), and buttons running /deal words as their presser (Reply.actions and
// Reply.entries: the language choice, an admin stopping a channel's summary). Everything a press
// needs travels in its custom_id (≤ 100 characters), so any replica handles it after any restart.
import { ButtonStyle, ComponentType, TextInputStyle, type APIActionRowComponent, type APIButtonComponent, type APIComponentInMessageActionRow } from 'discord.js';
import type { Form } from '../../core/feedback.ts';
import type { Reply, ReplyAction } from '../../core/reply.ts';
import type { Lang } from '../../facts/schema.ts';
import { cut, defuseMentions } from './escape.ts';
import { SHARE_PREFIX } from './share-ids.ts';

export const VOTE_PREFIX = 'deal:vote:';
export const RUN_PREFIX = 'deal:run:';
export const FORM_PREFIX = 'deal:form:';

/** Discord's limits on components and modals. */
export const COMPONENT_LIMITS = { customId: 100, label: 80, rows: 5, perRow: 5, modalTitle: 45, inputLabel: 45, placeholder: 100 } as const;

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
type Button = APIButtonComponent;

const isLang = (x: string | undefined): x is Lang => x === 'en' || x === 'fr';

/** 👍 and 👎 for the answer `answerId`. */
export function voteButtons(answerId: string, lang: Lang): Button[] {
  const label = lang === 'fr' ? { up: 'Utile', down: 'Pas utile' } : { up: 'Helpful', down: 'Not helpful' };
  return (['up', 'down'] as const).map((v) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: `${VOTE_PREFIX}${v}:${lang}:${answerId}`,
    emoji: { name: v === 'up' ? '👍' : '👎' },
    label: label[v],
  }));
}

/** A vote's custom_id read back; undefined for one we did not make. */
export function readVote(customId: string): { vote: 'up' | 'down'; lang: Lang; answerId: string } | undefined {
  const [vote, lang, answerId] = customId.slice(VOTE_PREFIX.length).split(':');
  return customId.startsWith(VOTE_PREFIX) && (vote === 'up' || vote === 'down') && isLang(lang) && answerId && /^[A-Za-z0-9_-]{1,40}$/.test(answerId) ? { vote, lang, answerId } : undefined;
}

/** A button running `a.run` as its presser (in `a.channel` when given). */
export function runButton(a: ReplyAction): Button | undefined {
  const customId = `${RUN_PREFIX}${a.channel?.id ?? '-'}:${a.run}`;
  if (customId.length > COMPONENT_LIMITS.customId) return undefined;
  const style = a.style === 'danger' ? ButtonStyle.Danger : a.selected || a.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary;
  return { type: ComponentType.Button, style, custom_id: customId, label: cut(defuseMentions(a.label), COMPONENT_LIMITS.label) };
}

/** A run button's custom_id read back: the words, and the channel to run them in (undefined: where it was pressed). */
export function readRun(customId: string): { run: string; channel?: string } | undefined {
  if (!customId.startsWith(RUN_PREFIX)) return undefined;
  const rest = customId.slice(RUN_PREFIX.length);
  const colon = rest.indexOf(':');
  const channel = rest.slice(0, colon);
  const run = rest.slice(colon + 1);
  if (colon < 0 || !run || (channel !== '-' && !/^\d{1,25}$/.test(channel))) return undefined;
  return channel === '-' ? { run } : { run, channel };
}

/** Rows of buttons: as many as fit in Discord's 5 rows of 5, `first` (Share) leading. */
export function buttonRows(reply: Reply, first: Button[] = []): Row[] {
  const entryButtons = reply.entries.flatMap((e) => e.actions.map((a) => runButton({ ...a, label: `${a.label} #${e.channel.name ?? e.channel.id}` })));
  const buttons = [...first, ...(reply.feedback ? voteButtons(reply.feedback.answerId, reply.lang) : []), ...reply.actions.map(runButton), ...entryButtons].filter((b): b is Button => b !== undefined);
  const rows: Row[] = [];
  for (let i = 0; i < buttons.length && rows.length < COMPONENT_LIMITS.rows; i += COMPONENT_LIMITS.perRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + COMPONENT_LIMITS.perRow) });
  }
  return rows;
}

/**
 * The rows of an answer once shared: the Share button turned into a disabled "Shared in channel",
 * everything else (the votes) kept as it was.
 */
export function afterShare(rows: readonly Row[], shared: Button): Row[] {
  return rows.map((row) => ({ ...row, components: row.components.map((c) => ('custom_id' in c && c.custom_id.startsWith(SHARE_PREFIX) ? shared : c)) }));
}

/** The rows a shared copy carries: only the votes (the same answer, so the channel's votes count for it). */
export function votesOnly(rows: readonly Row[]): Row[] {
  return rows
    .map((row) => ({ ...row, components: row.components.filter((c) => 'custom_id' in c && c.custom_id.startsWith(VOTE_PREFIX)) }))
    .filter((row) => row.components.length > 0);
}

/** The core's Form as a Discord modal (an interaction response of type 9). */
export function modalOf(form: Form) {
  return {
    custom_id: `${FORM_PREFIX}${form.kind}:${form.lang}:${form.subject}`,
    title: cut(form.title, COMPONENT_LIMITS.modalTitle),
    components: form.fields.map((f) => ({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
          custom_id: f.id,
          style: f.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
          label: cut(f.label, COMPONENT_LIMITS.inputLabel),
          required: f.required,
          max_length: f.maxLength,
          ...(f.placeholder ? { placeholder: cut(f.placeholder, COMPONENT_LIMITS.placeholder) } : {}),
        },
      ],
    })),
  };
}

/** A modal submission of ours: the form's kind, language and subject, and each field's value. */
export function readModal(customId: string, rows: readonly { components?: readonly { custom_id?: string; value?: string }[] }[]) {
  const [kind, lang, subject] = customId.slice(FORM_PREFIX.length).split(':');
  if (!customId.startsWith(FORM_PREFIX) || kind !== 'missing' || !isLang(lang) || !subject) return undefined;
  const values: Record<string, string> = {};
  for (const row of rows) for (const c of row.components ?? []) if (c.custom_id && typeof c.value === 'string') values[c.custom_id] = c.value;
  return { kind, lang, subject, values } as const;
}
