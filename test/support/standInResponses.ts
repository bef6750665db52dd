// Default answers of the Slack stand-in: realistic successful responses, plus the few
// refusals real Slack gives that our features depend on (not_in_channel, channel_not_found,
// user_not_found, no_text, block count limits, users.info without include_locale).
import { API_APP_ID, BOT_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID, TEAM_NAME } from './workspace.ts';

export type Args = Record<string, unknown>;
type SlackResponse = Record<string, unknown>;
export type Responder = (args: Args, world: StandInWorld) => SlackResponse | Promise<SlackResponse>;

export interface UserRecord {
  id: string;
  name: string;
  real_name: string;
  locale: string;
  tz: string;
  tz_offset: number;
  is_bot: boolean;
  deleted: boolean;
}

export interface ConversationRecord {
  id: string;
  name: string;
  is_private: boolean;
  is_member: boolean;
  is_archived: boolean;
  members: string[];
}

/** Mutable state behind the default responders (users, channels, counters). */
export class StandInWorld {
  readonly users = new Map<string, UserRecord | 'not_found'>();
  readonly conversations = new Map<string, ConversationRecord | 'not_found'>();
  private tsCounter = 0;
  private idCounter = 0;
  private readonly baseSec = Math.floor(Date.now() / 1000);

  constructor(readonly origin: string) {}

  /** Strictly increasing message timestamps, `"<seconds>.<6 digits>"` like Slack's. */
  nextTs(): string {
    this.tsCounter += 1;
    return `${this.baseSec}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  nextId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}${String(this.idCounter).padStart(9, '0')}`;
  }

  /** Users nobody configured exist, speak zh-CN and live in Asia/Shanghai. */
  defaultUser(id: string): UserRecord {
    const name = `user-${id.toLowerCase()}`;
    return {
      id,
      name,
      real_name: name,
      locale: 'zh-CN',
      tz: 'Asia/Shanghai',
      tz_offset: 28800,
      is_bot: false,
      deleted: false,
    };
  }

  /** Channels nobody configured exist, are public, and have the bot as a member. */
  defaultConversation(id: string): ConversationRecord {
    return {
      id,
      name: `channel-${id.toLowerCase()}`,
      is_private: false,
      is_member: true,
      is_archived: false,
      members: [],
    };
  }

  user(id: string): UserRecord | 'not_found' {
    return this.users.get(id) ?? this.defaultUser(id);
  }

  conversation(id: string): ConversationRecord | 'not_found' {
    return this.conversations.get(id) ?? this.defaultConversation(id);
  }

  patchUser(id: string, patch: Partial<UserRecord> | 'not_found'): void {
    const current = this.user(id);
    const base = current === 'not_found' ? this.defaultUser(id) : current;
    this.users.set(id, patch === 'not_found' ? patch : { ...base, ...patch, id });
  }

  patchConversation(id: string, patch: Partial<ConversationRecord> | 'not_found'): void {
    const current = this.conversation(id);
    const base = current === 'not_found' ? this.defaultConversation(id) : current;
    this.conversations.set(id, patch === 'not_found' ? patch : { ...base, ...patch, id });
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : String(v));
const truthy = (v: unknown): boolean => v === true || v === 'true' || v === '1' || v === 1;
const fail = (error: string, extra: SlackResponse = {}): SlackResponse => ({ ok: false, error, ...extra });
const blockCount = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

/** A user ID given as `channel` means "the DM with that user", as in real Slack. */
function dmChannelFor(users: string): string {
  return `D${users.split(',').join('')}`;
}

function resolveChannel(world: StandInWorld, channel: string): { id: string } | { error: string } {
  if (channel === '') return { error: 'channel_not_found' };
  if (/^[UW]/.test(channel)) return { id: dmChannelFor(channel) };
  if (channel.startsWith('D')) return { id: channel };
  const conv = world.conversation(channel);
  if (conv === 'not_found') return { error: 'channel_not_found' };
  if (conv.is_archived) return { error: 'is_archived' };
  if (!conv.is_member) return { error: 'not_in_channel' };
  return { id: channel };
}

function botMessage(args: Args, ts: string): SlackResponse {
  return {
    type: 'message',
    user: BOT_USER_ID,
    bot_id: BOT_ID,
    app_id: API_APP_ID,
    team: TEAM_ID,
    text: str(args.text),
    ts,
    ...(args.blocks !== undefined ? { blocks: args.blocks } : {}),
    ...(args.thread_ts !== undefined ? { thread_ts: str(args.thread_ts) } : {}),
    ...(args.metadata !== undefined ? { metadata: args.metadata } : {}),
  };
}

function messageChecks(args: Args): SlackResponse | undefined {
  if (args.text === undefined && args.blocks === undefined && args.attachments === undefined) return fail('no_text');
  if (blockCount(args.blocks) > 50) {
    return fail('invalid_blocks', {
      response_metadata: { messages: ['[ERROR] no more than 50 items allowed [json-pointer:/blocks]'] },
    });
  }
  return undefined;
}

function viewResponse(args: Args, world: StandInWorld, id: string): SlackResponse {
  const view = (typeof args.view === 'object' && args.view !== null ? args.view : {}) as Args;
  if (blockCount(view.blocks) > 100) {
    return fail('invalid_arguments', {
      response_metadata: { messages: ['[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]'] },
    });
  }
  return {
    ok: true,
    view: {
      id,
      team_id: TEAM_ID,
      type: view.type ?? 'modal',
      blocks: view.blocks ?? [],
      private_metadata: view.private_metadata ?? '',
      callback_id: view.callback_id ?? '',
      external_id: view.external_id ?? '',
      state: { values: {} },
      hash: world.nextId('hash.'),
      title: view.title ?? null,
      close: view.close ?? null,
      submit: view.submit ?? null,
      clear_on_close: view.clear_on_close ?? false,
      notify_on_close: view.notify_on_close ?? false,
      root_view_id: id,
      previous_view_id: null,
      app_id: API_APP_ID,
      app_installed_team_id: TEAM_ID,
      bot_id: BOT_ID,
    },
  };
}

export const defaultResponders: Record<string, Responder> = {
  'api.test': (args) => ({ ok: true, args }),
  'auth.test': () => ({
    ok: true,
    url: `https://${TEAM_DOMAIN}.slack.com/`,
    team: TEAM_NAME,
    user: 'reform-bot',
    team_id: TEAM_ID,
    user_id: BOT_USER_ID,
    bot_id: BOT_ID,
    is_enterprise_install: false,
  }),
  'chat.postMessage': (args, world) => {
    const bad = messageChecks(args);
    if (bad) return bad;
    const target = resolveChannel(world, str(args.channel));
    if ('error' in target) return fail(target.error);
    const ts = world.nextTs();
    return { ok: true, channel: target.id, ts, message: botMessage(args, ts) };
  },
  'chat.postEphemeral': (args, world) => {
    const bad = messageChecks(args);
    if (bad) return bad;
    if (str(args.user) === '') return fail('user_not_found');
    const target = resolveChannel(world, str(args.channel));
    if ('error' in target) return fail(target.error);
    return { ok: true, message_ts: world.nextTs() };
  },
  'chat.update': (args) => {
    const bad = messageChecks(args);
    if (bad) return bad;
    if (str(args.ts) === '') return fail('message_not_found');
    return {
      ok: true,
      channel: str(args.channel),
      ts: str(args.ts),
      text: str(args.text),
      message: botMessage(args, str(args.ts)),
    };
  },
  'chat.delete': (args) => ({ ok: true, channel: str(args.channel), ts: str(args.ts) }),
  'chat.getPermalink': (args) => ({
    ok: true,
    channel: str(args.channel),
    permalink: `https://${TEAM_DOMAIN}.slack.com/archives/${str(args.channel)}/p${str(args.message_ts).replace('.', '')}`,
  }),
  'conversations.open': (args) => {
    const users = str(args.users);
    if (users === '') return fail('users_list_not_supplied');
    return { ok: true, no_op: true, already_open: true, channel: { id: dmChannelFor(users) } };
  },
  'conversations.info': (args, world) => {
    const id = str(args.channel);
    const conv = world.conversation(id);
    if (conv === 'not_found') return fail('channel_not_found');
    const isIm = id.startsWith('D');
    return {
      ok: true,
      channel: {
        id,
        name: conv.name,
        is_channel: !isIm && !conv.is_private,
        is_group: !isIm && conv.is_private,
        is_im: isIm,
        is_mpim: false,
        is_private: conv.is_private || isIm,
        is_archived: conv.is_archived,
        is_general: false,
        is_member: conv.is_member,
        is_shared: false,
        is_ext_shared: false,
        is_org_shared: false,
        context_team_id: TEAM_ID,
        created: 1700000000,
        creator: 'U0ADMIN',
        num_members: conv.members.length,
      },
    };
  },
  'conversations.members': (args, world) => {
    const conv = world.conversation(str(args.channel));
    if (conv === 'not_found') return fail('channel_not_found');
    return { ok: true, members: conv.members, response_metadata: { next_cursor: '' } };
  },
  'users.info': (args, world) => {
    const record = world.user(str(args.user));
    if (record === 'not_found') return fail('user_not_found');
    const { locale, ...rest } = record;
    return {
      ok: true,
      user: {
        ...rest,
        team_id: TEAM_ID,
        ...(truthy(args.include_locale) ? { locale } : {}),
        profile: { real_name: record.real_name, display_name: record.name, team: TEAM_ID },
      },
    };
  },
  'views.open': (args, world) => {
    if (str(args.trigger_id) === '' && str(args.interactivity_pointer) === '') return fail('invalid_arguments');
    return viewResponse(args, world, world.nextId('V'));
  },
  'views.push': (args, world) => {
    if (str(args.trigger_id) === '' && str(args.interactivity_pointer) === '') return fail('invalid_arguments');
    return viewResponse(args, world, world.nextId('V'));
  },
  'views.update': (args, world) => {
    if (str(args.view_id) === '' && str(args.external_id) === '') return fail('invalid_arguments');
    return viewResponse(args, world, str(args.view_id) || world.nextId('V'));
  },
  'views.publish': (args, world) => {
    const user = str(args.user_id);
    if (user === '') return fail('invalid_arguments');
    if (world.user(user) === 'not_found') return fail('user_not_found');
    return viewResponse(args, world, `VH${user}`);
  },
  'files.getUploadURLExternal': (args, world) => {
    if (str(args.filename) === '' || !(Number(args.length) > 0)) return fail('invalid_arguments');
    if (str(args.alt_txt).length > 1000) return fail('alt_txt_too_large');
    const fileId = world.nextId('F');
    return { ok: true, upload_url: `${world.origin}/upload/${fileId}`, file_id: fileId, filename: str(args.filename) };
  },
  'files.completeUploadExternal': (args, world) => {
    const files = Array.isArray(args.files) ? (args.files as Args[]) : [];
    if (files.length === 0) return fail('invalid_arguments');
    // Sharing into a channel needs the bot there, as a post does.
    if (str(args.channel_id) !== '') {
      const target = resolveChannel(world, str(args.channel_id));
      if ('error' in target) return fail(target.error);
    }
    return { ok: true, files: files.map((f) => ({ id: str(f.id), title: str(f.title), name: str(f.title) })) };
  },
};
