// Slack views: the core's Form as a modal (views.open), read back on submission, and the core's
// Home as the App Home tab (views.publish). Every text escaped and cut to Slack's view limits.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Home } from '../../core/delivery.ts';
import type { Form } from '../../core/feedback.ts';
import { Lang } from '../../facts/schema.ts';
import { renderSlack } from './render.ts';
import { cut, escapeSlack } from './text.ts';

/** The callback id of our modals (view_submission). */
export const FORM_CALLBACK_ID = 'dealbot_form';

export const VIEW_LIMITS = { title: 24, button: 24, label: 2000, placeholder: 150, metadata: 3000, homeBlocks: 100, modalBlocks: 100 } as const;

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: cut(escapeSlack(text), max) || '…', emoji: true });

/** What a modal carries to its submission: the form's kind and subject, its language, and where it came from. */
const FormMeta = z.object({ k: z.literal('missing'), s: z.string().min(1).max(40), l: Lang, c: z.string().max(40).optional() });
export type FormMeta = z.infer<typeof FormMeta>;

export function formView(form: Form, channelId?: string): types.ModalView {
  const meta: FormMeta = { k: form.kind, s: form.subject, l: form.lang, ...(channelId ? { c: channelId } : {}) };
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    private_metadata: JSON.stringify(meta),
    title: plain(form.title, VIEW_LIMITS.title),
    submit: plain(form.submit, VIEW_LIMITS.button),
    close: plain(form.close, VIEW_LIMITS.button),
    blocks: form.fields.map((f) => ({
      type: 'input',
      block_id: f.id,
      optional: !f.required,
      label: plain(f.label, VIEW_LIMITS.label),
      element: {
        type: 'plain_text_input',
        action_id: f.id,
        multiline: f.multiline,
        max_length: f.maxLength,
        ...(f.placeholder ? { placeholder: plain(f.placeholder, VIEW_LIMITS.placeholder) } : {}),
      },
    })),
  };
}

/** A submitted modal of ours: its meta and each field's value; undefined for a view we did not make. */
export function readForm(view: { private_metadata?: string; state?: { values?: Record<string, Record<string, { value?: string | null }>> } }) {
  let meta: FormMeta;
  try {
    const parsed = FormMeta.safeParse(JSON.parse(view.private_metadata ?? ''));
    if (!parsed.success) return undefined;
    meta = parsed.data;
  } catch {
    return undefined;
  }
  const values: Record<string, string> = {};
  for (const [block, actions] of Object.entries(view.state?.values ?? {})) {
    const value = actions[block]?.value;
    if (typeof value === 'string') values[block] = value;
  }
  return { meta, values };
}

/** A modal that only says something (after a submission): Slack shows it in place of the form. */
export function noticeView(title: string, text: string): types.ModalView {
  return { type: 'modal', title: plain(title, VIEW_LIMITS.title), close: plain('OK', VIEW_LIMITS.button), blocks: [{ type: 'section', text: { type: 'plain_text', text: cut(escapeSlack(text), 3000), emoji: true } }] };
}

/** The App Home: each section rendered like a message, divided, within the tab's 100 blocks. */
export function homeView(home: Home): types.HomeView {
  const sections = home.notice ? [home.notice, ...home.sections] : home.sections;
  const blocks: types.KnownBlock[] = [];
  for (const [i, section] of sections.entries()) {
    // Help and other plain lines read better as one block here.
    const compact = section.lines.length > 3 ? { ...section, lines: [section.lines.join('\n')] } : section;
    const rendered = renderSlack(compact, { noFeedback: true }).blocks;
    if (blocks.length + rendered.length + 1 > VIEW_LIMITS.homeBlocks) break;
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push(...rendered);
  }
  return { type: 'home', blocks };
}
