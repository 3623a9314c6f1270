// Row types of the tables the migrations create. Times are epoch milliseconds and
// booleans 0/1 so the same code runs on SQLite and Postgres.
import type { Generated, Selectable } from 'kysely';

interface ChannelsTable {
  ref: string;
  workspace: string;
  name: string | null;
  answer_window_minutes: Generated<number>;
  /** 'private' | 'public' | 'off' */
  feedback_mode: Generated<string>;
  summaries_public: Generated<number>;
  created_at: number;
  /** The AI coach is on in this channel (migration 007). */
  ai_coach: Generated<number>;
}

interface SchedulesTable {
  id: string;
  workspace: string;
  channel_ref: string;
  /** 'HH:MM', local to `timezone`. */
  time: string;
  /** IANA time zone. */
  timezone: string;
  /** ISO weekdays, comma separated: '1,2,3,4,5' is Monday to Friday. */
  days: string;
  employer: string | null;
  category: string | null;
  paused: Generated<number>;
  paused_reason: string | null;
  created_by: string;
  next_run_at: number | null;
  created_at: number;
  updated_at: number;
}

interface OccurrencesTable {
  id: string;
  schedule_id: string;
  due_at: number;
  /** 'pending' (lease_until = not before) | 'claimed' | 'posted' | 'skipped' | 'failed' */
  status: string;
  claimed_by: string | null;
  lease_until: number | null;
  attempts: Generated<number>;
  post_id: string | null;
  note: string | null;
  created_at: number;
  updated_at: number;
}

export interface PostsTable {
  id: string;
  workspace: string;
  channel_ref: string;
  message_ref: string;
  thread_ref: string;
  question_id: string;
  employer: string;
  category: string;
  question_text: string;
  /** 'daily' | 'adhoc' */
  kind: string;
  posted_by: string | null;
  occurrence_id: string | null;
  posted_at: number;
  closes_at: number;
  digest_at: number | null;
}

interface MembersTable {
  workspace: string;
  user_id: string;
  name: string;
  snoozed_until: number | null;
  updated_at: number;
  /** The member keeps their answers away from the AI coach (migration 007). */
  ai_opt_out: Generated<number>;
}

interface AnswersTable {
  id: string;
  post_id: string;
  workspace: string;
  channel_ref: string;
  user_id: string;
  user_name: string;
  attempt: Generated<number>;
  text: string;
  late: Generated<number>;
  created_at: number;
  updated_at: number;
  /** The leaderboard's figures, copied from the analysis (migration 002, see saveAnalysis). */
  checks_passed: Generated<number>;
  checks_total: Generated<number>;
  complete: Generated<number>;
}

interface AnswerMessagesTable {
  ref: string;
  answer_id: string;
  text: string;
  created_at: number;
}

interface AnalysesTable {
  answer_id: string;
  story: number;
  situation: number;
  task: number;
  action: number;
  result: number;
  result_measured: number;
  ownership: number | null;
  checks_passed: number;
  checks_total: number;
  word_count: number;
  /** The full analysis as JSON. */
  data: string;
  created_at: number;
  /** Migration 002. */
  ownership_flagged: Generated<number>;
}

/** Each snooze a member set, kept so past snoozed days keep a streak whole (migration 002). */
interface SnoozesTable {
  id: string;
  workspace: string;
  user_id: string;
  from_at: number;
  until_at: number;
  created_at: number;
}

/** A member's pending retry of one question (migration 002). */
interface RetriesTable {
  workspace: string;
  user_id: string;
  post_id: string;
  created_at: number;
}

interface ProcessedEventsTable {
  key: string;
  seen_at: number;
}

interface SlackInstallationsTable {
  id: string;
  team_id: string | null;
  enterprise_id: string | null;
  bot_token: string;
  bot_user_id: string | null;
  data: string;
  installed_at: number;
}

/** A member's private mock interview (migration 006). */
export interface MockSessionsTable {
  id: string;
  workspace: string;
  user_id: string;
  user_name: string;
  /** Where `/prep mock` was run. */
  channel_ref: string;
  /** Where the conversation happens: a direct message or a private thread. */
  place_ref: string;
  status: 'open' | 'closed';
  closed_reason: 'finished' | 'stopped' | 'idle' | null;
  /** The question being asked, from 0. */
  position: number;
  total: number;
  version: Generated<number>;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
}

type MockItemState = 'waiting' | 'following-up' | 'done' | 'skipped';

/** One question of a mock interview and what the member answered (migration 006). */
export interface MockItemsTable {
  session_id: string;
  position: number;
  question_id: string;
  question_text: string;
  employer: string;
  category: string;
  state: Generated<MockItemState>;
  /** The answer with every follow-up reply merged in. */
  answer_text: string | null;
  /** The analysis (JSON) of the answer before any follow-up, and after the last. */
  first_analysis: string | null;
  last_analysis: string | null;
  followups_asked: Generated<number>;
  /** The follow-up waiting for a reply (JSON). */
  pending: string | null;
  updated_at: number;
}

/** Each reply a mock interview has read (migration 006). */
interface MockTurnsTable {
  session_id: string;
  message_ref: string;
  created_at: number;
}

/** A guide added from the chat; `guide` is the guide as JSON, a draft until confirmed. */
interface ChatGuidesTable {
  id: string;
  slug: string;
  employer: string;
  guide: string;
  /** the address or file name it was read from */
  source: string;
  workspace: string;
  added_by: string;
  confirmed: number;
  created_at: number;
  updated_at: number;
}

/** A member's own times (migration 009): zone, quiet hours, reminders opt-out. */
interface MemberPrefsTable {
  workspace: string;
  user_id: string;
  timezone: string | null;
  platform_timezone: string | null;
  /** Minutes after local midnight; from > to wraps past midnight. */
  quiet_from: number | null;
  quiet_to: number | null;
  reminders_off: Generated<number>;
  updated_at: number;
}

interface ChannelRemindersTable {
  channel_ref: string;
  workspace: string;
  enabled: Generated<number>;
  /** HH:MM in the schedule's zone; null: an hour before the answer window closes. */
  at_time: string | null;
  updated_by: string;
  updated_at: number;
}

interface ReminderSendsTable {
  workspace: string;
  user_id: string;
  /** The member's local date, YYYY-MM-DD. */
  day: string;
  channel_ref: string;
  post_id: string;
  claimed_by: string;
  sent_at: number | null;
  created_at: number;
}

interface InterviewTargetsTable {
  workspace: string;
  user_id: string;
  employer: string;
  /** YYYY-MM-DD in `timezone`. */
  interview_date: string;
  timezone: string;
  channel_ref: string;
  brief_due_at: number;
  brief_claimed_by: string | null;
  brief_claimed_at: number | null;
  brief_sent_at: number | null;
  created_at: number;
  updated_at: number;
}

/**
 * A member's changes to a story: its competencies, or that it is another answer's story
 * (migration 008). `answer_id` is an answers row or a mock answer, `mock:<session>:<position>`
 * (migration 012).
 */
interface StoryMarksTable {
  answer_id: string;
  workspace: string;
  user_id: string;
  same_as: string | null;
  competencies: string | null;
  updated_at: number;
}

/** An answer's feedback: due after the quiet period, then sent (migration 008). */
interface AnswerFeedbackTable {
  answer_id: string;
  workspace: string;
  user_id: string;
  due_at: number | null;
  reason: string;
  sent_at: number | null;
  sent_flags: string | null;
  /** The sent feedback message (an adapter's ref), where the platform can edit it; null where not. */
  sent_ref: string | null;
  updated_at: number;
}

export interface Database {
  channels: ChannelsTable;
  schedules: SchedulesTable;
  occurrences: OccurrencesTable;
  posts: PostsTable;
  members: MembersTable;
  answers: AnswersTable;
  answer_messages: AnswerMessagesTable;
  analyses: AnalysesTable;
  snoozes: SnoozesTable;
  retries: RetriesTable;
  processed_events: ProcessedEventsTable;
  slack_installations: SlackInstallationsTable;
  mock_sessions: MockSessionsTable;
  mock_items: MockItemsTable;
  mock_turns: MockTurnsTable;
  chat_guides: ChatGuidesTable;
  story_marks: StoryMarksTable;
  answer_feedback: AnswerFeedbackTable;
  member_prefs: MemberPrefsTable;
  channel_reminders: ChannelRemindersTable;
  reminder_sends: ReminderSendsTable;
  interview_targets: InterviewTargetsTable;
}

export type Channel = Selectable<ChannelsTable>;
export type Schedule = Selectable<SchedulesTable>;
export type Occurrence = Selectable<OccurrencesTable>;
export type Post = Selectable<PostsTable>;
export type Member = Selectable<MembersTable>;
export type Answer = Selectable<AnswersTable>;
export type AnswerMessage = Selectable<AnswerMessagesTable>;
export type AnalysisRow = Selectable<AnalysesTable>;
export type Snooze = Selectable<SnoozesTable>;
export type Retry = Selectable<RetriesTable>;
export type MockSession = Selectable<MockSessionsTable>;
export type MockItem = Selectable<MockItemsTable>;
export type StoryMark = Selectable<StoryMarksTable>;
export type AnswerFeedback = Selectable<AnswerFeedbackTable>;
export type MemberPrefs = Selectable<MemberPrefsTable>;
export type InterviewTarget = Selectable<InterviewTargetsTable>;
