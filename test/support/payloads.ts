// Builders of request bodies shaped like the ones Slack really sends (field names, nesting,
// value types), for the signed-request helpers. Every builder takes the few values a test
// cares about and fills the rest realistically; `extra` merges last for anything unusual.
import {
  API_APP_ID,
  BOT_ID,
  BOT_USER_ID,
  TEAM_DOMAIN,
  TEAM_ID,
  UNCONFIGURED_RESPONSE_URL,
  VERIFICATION_TOKEN,
} from './workspace.ts';

export type Json = Record<string, unknown>;

let counter = 0;
const next = () => (counter += 1);
const nowSec = () => Math.floor(Date.now() / 1000);
/** `"<seconds>.<6 digits>"`, unique per process. */
const slackTs = (): string => `${nowSec()}.${String(next() % 1_000_000).padStart(6, '0')}`;
/** Shaped like Slack's: `<digits>.<digits>.<32 hex>`. Valid for 3 s at Slack; the stand-in does not check. */
export const triggerId = (): string => `${nowSec()}${next()}.1234567890123.${'0123456789abcdef'.repeat(2)}`;

const team = () => ({ id: TEAM_ID, domain: TEAM_DOMAIN });
const user = (id: string) => ({
  id,
  username: `user-${id.toLowerCase()}`,
  name: `user-${id.toLowerCase()}`,
  team_id: TEAM_ID,
});
const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });
const option = (value: string, text = value) => ({ text: plain(text), value });

// ---------------------------------------------------------------- slash commands

export interface SlashCommandInput {
  command?: string;
  text?: string;
  user_id: string;
  channel_id: string;
  channel_name?: string;
  user_name?: string;
  trigger_id?: string;
  /** Use `standIn.responseUrl(id)`; defaults to a local dead end, never the internet. */
  response_url?: string;
  [field: string]: string | undefined;
}

/** The form fields of a slash command, all strings, in Slack's order. */
export function slashCommand(input: SlashCommandInput): Record<string, string> {
  const { command, text, user_id, channel_id, channel_name, user_name, trigger_id, response_url, ...rest } = input;
  const fields: Record<string, string | undefined> = {
    token: VERIFICATION_TOKEN,
    team_id: TEAM_ID,
    team_domain: TEAM_DOMAIN,
    channel_id,
    channel_name:
      channel_name ?? (channel_id.startsWith('D') ? 'directmessage' : `channel-${channel_id.toLowerCase()}`),
    user_id,
    user_name: user_name ?? `user-${user_id.toLowerCase()}`,
    command: command ?? '/reform',
    text: text ?? '',
    api_app_id: API_APP_ID,
    is_enterprise_install: 'false',
    response_url: response_url ?? UNCONFIGURED_RESPONSE_URL,
    trigger_id: trigger_id ?? triggerId(),
    ...rest,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

// ---------------------------------------------------------------- state values (view inputs)

/** Values of `view.state.values[block_id][action_id]`, per input element type. */
export const stateValue = {
  text: (value: string | null) => ({ type: 'plain_text_input', value }),
  staticSelect: (value: string | null, text = value ?? '') => ({
    type: 'static_select',
    selected_option: value === null ? null : option(value, text),
  }),
  externalSelect: (value: string | null, text = value ?? '') => ({
    type: 'external_select',
    selected_option: value === null ? null : option(value, text),
  }),
  radio: (value: string | null, text = value ?? '') => ({
    type: 'radio_buttons',
    selected_option: value === null ? null : option(value, text),
  }),
  checkboxes: (values: string[]) => ({ type: 'checkboxes', selected_options: values.map((v) => option(v)) }),
  date: (isoDate: string | null) => ({ type: 'datepicker', selected_date: isoDate }),
  user: (userId: string | null) => ({ type: 'users_select', selected_user: userId }),
  users: (userIds: string[]) => ({ type: 'multi_users_select', selected_users: userIds }),
  conversation: (channelId: string | null) => ({ type: 'conversations_select', selected_conversation: channelId }),
  channel: (channelId: string | null) => ({ type: 'channels_select', selected_channel: channelId }),
};

export type StateValues = Record<string, Record<string, Json>>;

interface ViewInput {
  id?: string;
  type?: 'modal' | 'home';
  callback_id?: string;
  private_metadata?: string;
  external_id?: string;
  blocks?: Json[];
  values?: StateValues;
  hash?: string;
  title?: string;
}

/** A view as Slack echoes it inside interaction payloads. */
function view(input: ViewInput = {}): Json {
  const id = input.id ?? `V${String(next()).padStart(9, '0')}`;
  return {
    id,
    team_id: TEAM_ID,
    type: input.type ?? 'modal',
    blocks: input.blocks ?? [],
    private_metadata: input.private_metadata ?? '',
    callback_id: input.callback_id ?? '',
    state: { values: input.values ?? {} },
    hash: input.hash ?? `${nowSec()}.${next()}abcdef`,
    title: plain(input.title ?? 'Reform'),
    clear_on_close: false,
    notify_on_close: false,
    close: input.type === 'home' ? null : plain('Cancel'),
    submit: input.type === 'home' ? null : plain('Submit'),
    previous_view_id: null,
    root_view_id: id,
    app_id: API_APP_ID,
    external_id: input.external_id ?? '',
    app_installed_team_id: TEAM_ID,
    bot_id: BOT_ID,
  };
}

// ---------------------------------------------------------------- interactions

type ActionElement =
  | { type: 'button'; value?: string; text?: string }
  | { type: 'static_select' | 'external_select' | 'overflow'; value: string; text?: string };

export interface BlockActionsInput {
  user_id: string;
  action_id: string;
  block_id?: string;
  /** Shortcut for a button's value; use `action` for selects and overflow menus. */
  value?: string;
  action?: ActionElement;
  /** Where the button was: a channel message (default), the Home tab, or an open modal. */
  source?:
    | {
        kind: 'message';
        channel_id: string;
        message_ts?: string;
        blocks?: Json[];
        text?: string;
        is_ephemeral?: boolean;
      }
    | { kind: 'home'; view?: ViewInput }
    | { kind: 'modal'; view?: ViewInput };
  response_url?: string;
  trigger_id?: string;
  extra?: Json;
}

function actionPayload(input: BlockActionsInput): Json {
  const a: ActionElement = input.action ?? {
    type: 'button',
    ...(input.value !== undefined ? { value: input.value } : {}),
  };
  const base = {
    action_id: input.action_id,
    block_id: input.block_id ?? `block-${input.action_id}`,
    action_ts: slackTs(),
  };
  if (a.type === 'button') {
    return {
      ...base,
      type: 'button',
      text: plain(a.text ?? input.action_id),
      ...(a.value !== undefined ? { value: a.value } : {}),
    };
  }
  const selected = option(a.value, a.text ?? a.value);
  return {
    ...base,
    type: a.type,
    selected_option: selected,
    ...(a.type === 'overflow' ? {} : { placeholder: plain('Select') }),
  };
}

export function blockActions(input: BlockActionsInput): Json {
  const source = input.source ?? { kind: 'message', channel_id: 'C0REFORM' };
  const common = {
    type: 'block_actions',
    user: user(input.user_id),
    api_app_id: API_APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: input.trigger_id ?? triggerId(),
    team: team(),
    enterprise: null,
    is_enterprise_install: false,
    actions: [actionPayload(input)],
  };
  if (source.kind === 'message') {
    const ts = source.message_ts ?? slackTs();
    return {
      ...common,
      container: {
        type: 'message',
        message_ts: ts,
        channel_id: source.channel_id,
        is_ephemeral: source.is_ephemeral ?? false,
      },
      channel: { id: source.channel_id, name: `channel-${source.channel_id.toLowerCase()}` },
      message: {
        type: 'message',
        subtype: 'bot_message',
        user: BOT_USER_ID,
        bot_id: BOT_ID,
        app_id: API_APP_ID,
        team: TEAM_ID,
        text: source.text ?? '',
        ts,
        blocks: source.blocks ?? [],
      },
      state: { values: {} },
      response_url: input.response_url ?? UNCONFIGURED_RESPONSE_URL,
      ...input.extra,
    };
  }
  const v = view({ ...source.view, type: source.kind === 'home' ? 'home' : 'modal' });
  return { ...common, container: { type: 'view', view_id: v.id }, view: v, state: v.state, ...input.extra };
}

export interface ViewSubmissionInput {
  user_id: string;
  callback_id: string;
  values: StateValues;
  private_metadata?: string;
  view_id?: string;
  hash?: string;
  /** Present when a modal's input has `response_url_enabled`. */
  response_urls?: { block_id: string; action_id: string; channel_id: string; response_url: string }[];
  extra?: Json;
}

export function viewSubmission(input: ViewSubmissionInput): Json {
  return {
    type: 'view_submission',
    team: team(),
    user: user(input.user_id),
    api_app_id: API_APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: triggerId(),
    view: view({
      id: input.view_id,
      callback_id: input.callback_id,
      private_metadata: input.private_metadata,
      values: input.values,
      hash: input.hash,
    }),
    response_urls: input.response_urls ?? [],
    is_enterprise_install: false,
    enterprise: null,
    ...input.extra,
  };
}

export interface ViewClosedInput {
  user_id: string;
  callback_id: string;
  private_metadata?: string;
}

export function viewClosed(input: ViewClosedInput): Json {
  return {
    type: 'view_closed',
    team: team(),
    user: user(input.user_id),
    api_app_id: API_APP_ID,
    token: VERIFICATION_TOKEN,
    view: view({ callback_id: input.callback_id, private_metadata: input.private_metadata }),
    is_cleared: false,
    is_enterprise_install: false,
    enterprise: null,
  };
}

export interface BlockSuggestionInput {
  user_id: string;
  action_id: string;
  block_id?: string;
  /** What the user has typed so far. */
  value: string;
  view?: ViewInput;
}

/** External select type-ahead (Bolt: `app.options(action_id, ...)`); answered in the ack body. */
export function blockSuggestion(input: BlockSuggestionInput): Json {
  const v = view(input.view);
  return {
    type: 'block_suggestion',
    user: user(input.user_id),
    container: { type: 'view', view_id: v.id },
    api_app_id: API_APP_ID,
    token: VERIFICATION_TOKEN,
    action_id: input.action_id,
    block_id: input.block_id ?? `block-${input.action_id}`,
    value: input.value,
    team: team(),
    enterprise: null,
    is_enterprise_install: false,
    view: v,
  };
}

// ---------------------------------------------------------------- Events API

/** Wraps an event in the `event_callback` envelope the Events API posts. */
function eventEnvelope(event: Json, extra: Json = {}): Json {
  const n = next();
  return {
    token: VERIFICATION_TOKEN,
    team_id: TEAM_ID,
    context_team_id: TEAM_ID,
    context_enterprise_id: null,
    api_app_id: API_APP_ID,
    event: { event_ts: slackTs(), ...event },
    type: 'event_callback',
    event_id: `Ev${String(n).padStart(10, '0')}`,
    event_time: nowSec(),
    authorizations: [
      { enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-eyJldCI6ImFwcF9ob21lX29wZW5lZCJ9-${n}`,
    ...extra,
  };
}

export interface AppHomeOpenedInput {
  user_id: string;
  tab?: 'home' | 'messages';
  /** The Home view last published for this user; absent on a user's very first visit. */
  view?: ViewInput;
}

export function appHomeOpened(input: AppHomeOpenedInput): Json {
  const tab = input.tab ?? 'home';
  return eventEnvelope({
    type: 'app_home_opened',
    user: input.user_id,
    channel: `D${input.user_id}`,
    tab,
    ...(input.view && tab === 'home' ? { view: view({ ...input.view, type: 'home' }) } : {}),
  });
}

export function urlVerification(challenge = `challenge-${next()}`): Json {
  return { token: VERIFICATION_TOKEN, challenge, type: 'url_verification' };
}
