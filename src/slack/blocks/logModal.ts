// The "Log time" modal, opened from App Home, the global shortcut and the check-in's "Other…".
import type { ModalView, InputBlock, StaticSelect } from '@slack/types';
import { MAX_DAYS_BACK, MAX_DURATION_TEXT_CHARS, MAX_NOTE_CHARS } from '../../core/limits';
import { KINDS, NETWORKS, type IsoDate, type Kind } from '../../core/types';
import { LOG_MODAL as F, VIEWS } from '../ids';
import { option, plain } from './kit';
import { KIND_LABEL } from './format';

export interface LogModalOptions {
  today: IsoDate;
  minutes?: number;
  kind?: Kind;
  /** Carried through to the submission, e.g. which check-in message to update. */
  metadata?: string;
}

const NETWORK_LABEL: Record<string, string> = { x: 'X (Twitter)', linkedin: 'LinkedIn', tiktok: 'TikTok', youtube: 'YouTube' };

function kindSelect(kind: Kind): StaticSelect {
  const options = KINDS.map((k) => option(KIND_LABEL[k], k));
  return { type: 'static_select', action_id: F.kindAction, options, initial_option: options[KINDS.indexOf(kind)] };
}

export function logModal(o: LogModalOptions): ModalView {
  const blocks: InputBlock[] = [
    {
      type: 'input', block_id: F.minutesBlock, label: plain('Time spent'),
      hint: plain('30m, 45 min, 1 hour, 1h30m, 1.5 hours, 1:30 or minutes (at most 12 hours)'),
      element: {
        type: 'plain_text_input', action_id: F.minutesAction, max_length: MAX_DURATION_TEXT_CHARS,
        placeholder: plain('30m'), ...(o.minutes ? { initial_value: String(o.minutes) } : {}),
      },
    },
    { type: 'input', block_id: F.kindBlock, label: plain('What kind of engagement'), element: kindSelect(o.kind ?? 'respond') },
    {
      type: 'input', block_id: F.networkBlock, label: plain('Network'), optional: true,
      element: {
        type: 'static_select', action_id: F.networkAction, placeholder: plain('Choose a network'),
        options: NETWORKS.map((n) => option(NETWORK_LABEL[n] ?? n[0].toUpperCase() + n.slice(1), n)),
      },
    },
    {
      type: 'input', block_id: F.dateBlock, label: plain('When'), hint: plain(`Today or up to ${MAX_DAYS_BACK} days back`),
      element: { type: 'datepicker', action_id: F.dateAction, initial_date: o.today },
    },
    {
      type: 'input', block_id: F.linkBlock, label: plain('Link'), optional: true,
      element: { type: 'url_text_input', action_id: F.linkAction, placeholder: plain('https://…') },
    },
    {
      type: 'input', block_id: F.noteBlock, label: plain('Note (only you see it)'), optional: true,
      element: { type: 'plain_text_input', action_id: F.noteAction, multiline: true, max_length: MAX_NOTE_CHARS },
    },
  ];
  return {
    type: 'modal',
    callback_id: VIEWS.logModal,
    title: plain('Log engagement'),
    submit: plain('Log it'),
    close: plain('Cancel'),
    private_metadata: o.metadata ?? '',
    blocks,
  };
}
