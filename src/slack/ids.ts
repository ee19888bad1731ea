// Every action_id, callback_id and block_id Ballast uses, in one place.
export const COMMAND = '/ballast';

export const ACTIONS = {
  openLogModal: 'ballast_open_log_modal',
  assignOffer: 'ballast_assign_offer',
  assignOfferAnyway: 'ballast_assign_offer_anyway',
  assignAccept: 'ballast_assign_accept',
  assignAcceptAnyway: 'ballast_assign_accept_anyway',
  assignDecline: 'ballast_assign_decline',
  assignDeclineBack: 'ballast_assign_decline_back',
  assignDeclineNoCapacity: 'ballast_assign_why_no_capacity',
  assignDeclineNotMyArea: 'ballast_assign_why_not_my_area',
  assignDeclineOther: 'ballast_assign_why_other',
  assignDone: 'ballast_assign_done',
  assignReassign: 'ballast_assign_reassign',
  checkinNothing: 'ballast_checkin_nothing',
  checkin15: 'ballast_checkin_15',
  checkin30: 'ballast_checkin_30',
  checkin60: 'ballast_checkin_60',
  checkinOther: 'ballast_checkin_other',
  checkinUndo: 'ballast_checkin_undo',
  pulseNone: 'ballast_pulse_none',
  pulseBit: 'ballast_pulse_bit',
  pulseBack: 'ballast_pulse_back',
  /** Edit / Delete on a listed entry (`/ballast entries`, App Home); the value is the entry id. */
  entryEdit: 'ballast_entry_edit',
  entryDelete: 'ballast_entry_delete',
  /** "Older" / "Newer" under `/ballast entries`; the value is the index of the first entry to show. */
  entriesOlder: 'ballast_entries_older',
  entriesNewer: 'ballast_entries_newer',
  /** Undo on the confirmation of a log (command reply, log-modal DM); the value is the entry id. */
  entryUndo: 'ballast_entry_undo',
  /** App Home's "← Earlier week" / "Later week →"; the value is the Monday of the week to show. */
  homeWeekEarlier: 'ballast_home_week_earlier',
  homeWeekLater: 'ballast_home_week_later',
  /**
   * Settings controls shared by the welcome DM and App Home: each opens a modal (check-in time and
   * days; pause until a date). The App Home work owns their listeners and modals; the welcome only
   * carries the buttons.
   */
  openCheckinSettings: 'ballast_open_checkin_settings',
  openPause: 'ballast_open_pause',
  // ── App Home controls, the team view and the digest's next steps (issue 14, points 3 and 8) ──
  /** App Home's nudges and strain-sharing toggles; the value is the state to switch to, `on` or `off`. */
  homeNudges: 'ballast_home_nudges',
  homeShareStrain: 'ballast_home_share_strain',
  /** Resume, on App Home and in the pause modal. */
  homeResume: 'ballast_home_resume',
  /** Accept on App Home's open assignments, and "Accept anyway" after its over-budget notice; the value is the assignment id. */
  homeAssignAccept: 'ballast_home_assign_accept',
  homeAssignAcceptAnyway: 'ballast_home_assign_accept_anyway',
  /** "Next reports" / "Previous reports" in App Home's team section; the value is the index of the first report shown. */
  homeTeamPage: 'ballast_home_team_page',
  /** The overflow beside one report in the team view; option values are `budget:<user id>` or `note:<user id>`. */
  reportMenu: 'ballast_report_menu',
  /** The digest's next steps: adjust one report's budget, write to them (the value is their user id), open the team view. */
  reportBudget: 'ballast_report_budget',
  reportNote: 'ballast_report_note',
  openTeamView: 'ballast_open_team_view',
} as const;

export const VIEWS = {
  logModal: 'ballast_log_modal',
  assignDone: 'ballast_assign_done_modal',
  assignModal: 'ballast_assign_modal',
  checkinOther: 'ballast_checkin_other_modal',
  /** The log modal prefilled with one entry; private_metadata holds the entry id. */
  editEntry: 'ballast_edit_entry_modal',
  // ── App Home controls and the team view (issue 14) ──
  checkinSettings: 'ballast_checkin_settings_modal',
  /** Pause until a date; private_metadata is empty. */
  pause: 'ballast_pause_modal',
  /** private_metadata holds the report's user id (checked again on submit). */
  reportBudget: 'ballast_report_budget_modal',
  reportNote: 'ballast_report_note_modal',
} as const;

/** Block ids of scheduled messages. */
export const BLOCKS = {
  checkinButtons: 'checkin_buttons',
  pulseButtons: 'pulse_buttons',
  homeWeekNav: 'home_week_nav',
  homeEntriesHeader: 'home_entries',
  entriesPages: 'entries_pages',
  // ── App Home controls and the digest's next steps (issue 14) ──
  homeSettings: 'home_settings',
  homeAssignments: 'home_assignments',
  homeTeam: 'home_team',
  homeTeamPages: 'home_team_pages',
  digestNextSteps: 'digest_next_steps',
  /** Welcome DM (first contact): its buttons Log time, Set check-in time, Pause. */
  welcomeButtons: 'welcome_buttons',
} as const;

/** The block ids of one listed entry: its line and its Edit / Delete buttons. */
export const entryBlockId = (entryId: number, part: 'line' | 'buttons'): string => `entry_${entryId}_${part}`;

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

/** Block and action ids inside the assignment modals. */
export const ASSIGN_MODAL = {
  userBlock: 'assign_user',
  userAction: 'user',
  linkBlock: 'assign_link',
  linkAction: 'link',
  estimateBlock: 'assign_estimate',
  estimateAction: 'estimate',
  dueBlock: 'assign_due',
  dueAction: 'due',
  briefBlock: 'assign_brief',
  briefAction: 'brief',
  anywayBlock: 'assign_anyway',
  anywayAction: 'anyway',
  minutesBlock: 'assign_minutes',
  minutesAction: 'minutes',
} as const;

/** Block and action ids inside the settings and team modals (issue 14): the submissions' state is keyed by these. */
export const SETTINGS_MODAL = {
  enabledBlock: 'checkin_enabled',
  enabledAction: 'enabled',
  timeBlock: 'checkin_time',
  timeAction: 'time',
  daysBlock: 'checkin_days',
  daysAction: 'days',
  untilBlock: 'pause_until',
  untilAction: 'until',
  budgetBlock: 'report_budget',
  budgetAction: 'budget',
  noteBlock: 'report_note',
  noteAction: 'note',
} as const;
