// Every action_id, callback_id and block_id Ballast uses, in one place.
export const COMMAND = '/ballast';

export const ACTIONS = {
  openLogModal: 'ballast_open_log_modal',
  undoEntry: 'ballast_undo_entry',
  checkinNothing: 'ballast_checkin_nothing',
  checkin15: 'ballast_checkin_15',
  checkin30: 'ballast_checkin_30',
  checkin60: 'ballast_checkin_60',
  checkinOther: 'ballast_checkin_other',
  checkinUndo: 'ballast_checkin_undo',
  pulseNone: 'ballast_pulse_none',
  pulseBit: 'ballast_pulse_bit',
  pulseBack: 'ballast_pulse_back',
} as const;

export const VIEWS = {
  logModal: 'ballast_log_modal',
  checkinOther: 'ballast_checkin_other_modal',
} as const;

/** Block ids of scheduled messages. */
export const BLOCKS = {
  checkinButtons: 'checkin_buttons',
  pulseButtons: 'pulse_buttons',
} as const;

export const SHORTCUTS = {
  logEngagement: 'ballast_log_engagement',
  assignMessage: 'ballast_assign_message',
} as const;

/** Block and action ids inside the log modal: the view submission's state is keyed by these. */
export const LOG_MODAL = {
  minutesBlock: 'log_minutes',
  minutesAction: 'minutes',
  kindBlock: 'log_kind',
  kindAction: 'kind',
  networkBlock: 'log_network',
  networkAction: 'network',
  dateBlock: 'log_date',
  dateAction: 'date',
  linkBlock: 'log_link',
  linkAction: 'link',
  noteBlock: 'log_note',
  noteAction: 'note',
} as const;
