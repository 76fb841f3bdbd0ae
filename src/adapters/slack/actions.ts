// The interactive parts of a Slack message besides Share: Slack's native 👍 / 👎 feedback buttons
// (a feedback_buttons element in a context_actions block) and the buttons of Reply.actions and
// Reply.entries, each running /deal words as its presser. What each carries is encoded here, and
// read back (validated) when pressed.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { ReplyAction } from '../../core/reply.ts';
import { Lang } from '../../facts/schema.ts';
import { escapeSlack } from './text.ts';

/** The action id of the feedback buttons (one element carries both). */
export const FEEDBACK_ACTION_ID = 'dealbot_feedback';
/** Buttons running /deal words: `dealbot_run_<n>` (unique within their block). */
export const RUN_ACTION = /^dealbot_run_/;

const UI: Record<Lang, { up: string; down: string }> = {
  en: { up: 'Helpful answer', down: 'Not helpful: tell what was missing' },
  fr: { up: 'Réponse utile', down: 'Pas utile : dire ce qui manquait' },
};

/** The context_actions block with Slack's feedback buttons for the answer `answerId`. */
export function feedbackBlock(answerId: string, lang: Lang): types.ContextActionsBlock {
  return {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: FEEDBACK_ACTION_ID,
        positive_button: { text: { type: 'plain_text', text: '👍' }, accessibility_label: UI[lang].up, value: `up|${answerId}|${lang}` },
        negative_button: { text: { type: 'plain_text', text: '👎' }, accessibility_label: UI[lang].down, value: `down|${answerId}|${lang}` },
      },
    ],
  };
}

/** A press on the feedback buttons: which vote, on which answer, in which language; undefined for a value we did not make. */
export function readFeedback(value: string | undefined): { vote: 'up' | 'down'; answerId: string; lang: Lang } | undefined {
  const m = /^(up|down)\|([A-Za-z0-9_-]{1,40})\|(en|fr)$/.exec(value ?? '');
  return m ? { vote: m[1] as 'up' | 'down', answerId: m[2]!, lang: m[3] as Lang } : undefined;
}

const RunValue = z.object({ r: z.string().min(1).max(60), c: z.string().min(1).max(40).optional() });

/** A button running `action.run` as its presser (in `action.channel` when given). */
export function runButton(action: ReplyAction, n: number | string): types.Button {
  const value = JSON.stringify({ r: action.run, ...(action.channel ? { c: action.channel.id } : {}) });
  return {
    type: 'button',
    action_id: `dealbot_run_${n}`,
    text: { type: 'plain_text', text: escapeSlack(action.label).slice(0, 75), emoji: false },
    value,
    ...(action.style ? { style: action.style } : action.selected ? { style: 'primary' as const } : {}),
    ...(action.confirm
      ? { confirm: { title: { type: 'plain_text' as const, text: action.label.slice(0, 100) }, text: { type: 'plain_text' as const, text: action.confirm.slice(0, 300) }, confirm: { type: 'plain_text' as const, text: action.label.slice(0, 30) }, style: action.style === 'danger' ? ('danger' as const) : ('primary' as const) } }
      : {}),
  };
}

/** What a run button carries: the words and the channel to run them in; undefined for a value we did not make. */
export function readRun(value: string | undefined): { run: string; channel?: string } | undefined {
  try {
    const parsed = RunValue.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? { run: parsed.data.r, ...(parsed.data.c ? { channel: parsed.data.c } : {}) } : undefined;
  } catch {
    return undefined;
  }
}
