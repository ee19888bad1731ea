// Every action_id, callback_id and block_id Ballast uses, in one place.
export const COMMAND = '/ballast';

export const ACTIONS = {
  openLogModal: 'ballast_open_log_modal',
  undoEntry: 'ballast_undo_entry',
} as const;

export const VIEWS = {
  logModal: 'ballast_log_modal',
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
