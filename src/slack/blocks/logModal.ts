// The "Log time" modal, opened from App Home, the global shortcut and the check-in's "Other…".
import type { ModalView, InputBlock, StaticSelect } from '@slack/types';
import { MAX_DAYS_BACK, MAX_DURATION_TEXT_CHARS, MAX_NOTE_CHARS } from '../../core/limits';
import { KINDS, NETWORKS, type IsoDate, type Kind, type Network } from '../../core/types';
import type { Entry } from '../../core/model';
import { formatMinutes } from '../../core/duration';
import { LOG_MODAL as F, VIEWS } from '../ids';
import { option, plain } from './kit';
import { KIND_LABEL } from './format';

export interface LogModalOptions {
  today: IsoDate;
  minutes?: number;
  kind?: Kind;
  /** Carried through to the submission, e.g. which check-in message to update. */
  metadata?: string;
  /** An entry being edited: every field starts as it was logged. */
  prefill?: Pick<Entry, 'minutes' | 'kind' | 'network' | 'date' | 'link' | 'note'>;
  /** Another submission handler (the edit modal), with its own title and submit label. */
  callbackId?: string;
  title?: string;
  submit?: string;
}

/** A duration the way people type it (`1h30m`), so the prefilled field reads naturally and parses back. */
export const durationText = (minutes: number): string => formatMinutes(minutes).replace(/ /g, '');

const NETWORK_LABEL: Record<string, string> = { x: 'X (Twitter)', linkedin: 'LinkedIn', tiktok: 'TikTok', youtube: 'YouTube' };

function kindSelect(kind: Kind): StaticSelect {
  const options = KINDS.map((k) => option(KIND_LABEL[k], k));
  return { type: 'static_select', action_id: F.kindAction, options, initial_option: options[KINDS.indexOf(kind)] };
}

function networkSelect(network: Network | null | undefined): StaticSelect {
  const options = NETWORKS.map((n) => option(NETWORK_LABEL[n] ?? n[0].toUpperCase() + n.slice(1), n));
  const select: StaticSelect = { type: 'static_select', action_id: F.networkAction, placeholder: plain('Choose a network'), options };
  if (network) select.initial_option = options[NETWORKS.indexOf(network)];
  return select;
}

export function logModal(o: LogModalOptions): ModalView {
  const p = o.prefill;
  const minutesText = p ? durationText(p.minutes) : o.minutes ? String(o.minutes) : undefined;
  const blocks: InputBlock[] = [
    {
      type: 'input', block_id: F.minutesBlock, label: plain('Time spent'),
      hint: plain('30m, 45 min, 1 hour, 1h30m, 1.5 hours, 1:30 or minutes (at most 12 hours)'),
      element: {
        type: 'plain_text_input', action_id: F.minutesAction, max_length: MAX_DURATION_TEXT_CHARS,
        placeholder: plain('30m'), ...(minutesText ? { initial_value: minutesText } : {}),
      },
    },
    { type: 'input', block_id: F.kindBlock, label: plain('What kind of engagement'), element: kindSelect(p?.kind ?? o.kind ?? 'respond') },
    {
      type: 'input', block_id: F.networkBlock, label: plain('Network'), optional: true,
      element: networkSelect(p?.network),
    },
    {
      type: 'input', block_id: F.dateBlock, label: plain('When'), hint: plain(`Today or up to ${MAX_DAYS_BACK} days back`),
      element: { type: 'datepicker', action_id: F.dateAction, initial_date: p?.date ?? o.today },
    },
    {
      type: 'input', block_id: F.linkBlock, label: plain('Link'), optional: true,
      element: { type: 'url_text_input', action_id: F.linkAction, placeholder: plain('https://…'), ...(p?.link ? { initial_value: p.link } : {}) },
    },
    {
      type: 'input', block_id: F.noteBlock, label: plain('Note (only you see it)'), optional: true,
      element: {
        type: 'plain_text_input', action_id: F.noteAction, multiline: true, max_length: MAX_NOTE_CHARS, ...(p?.note ? { initial_value: p.note } : {}),
      },
    },
  ];
  return {
    type: 'modal',
    callback_id: o.callbackId ?? VIEWS.logModal,
    title: plain(o.title ?? 'Log engagement'),
    submit: plain(o.submit ?? 'Log it'),
    close: plain('Cancel'),
    private_metadata: o.metadata ?? '',
    blocks,
  };
}
