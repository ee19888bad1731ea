/**
 * A fake Socket Mode server on 127.0.0.1. The fake Slack's `apps.connections.open` hands out its
 * `ws://` URL; each connection gets `hello`; tests deliver envelopes (slash_commands, interactive,
 * events_api) and read the app's acks by `envelope_id`. It can ask the app to reconnect
 * (`disconnect` with a reason) and stop answering the app's pings on the current connection. Like
 * Slack, it resends an envelope whose connection closed before the app acked it.
 */
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket } from 'ws';
import type { FakeSlack } from './fakeSlack';
import { newTriggerId } from './signer';

export interface Envelope {
  envelope_id: string;
  type: 'slash_commands' | 'interactive' | 'events_api' | string;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface Ack {
  envelope_id: string;
  payload: Record<string, unknown>;
  /** Which connection (1-based, in order of opening) carried the ack. */
  connection: number;
}

interface Conn {
  n: number;
  ws: WebSocket;
  answersPings: boolean;
  pingsSeen: number;
}

export class FakeSocketMode {
  readonly acks: Ack[] = [];
  /** Every envelope delivered, redeliveries included. */
  readonly delivered: Envelope[] = [];
  private readonly conns: Conn[] = [];
  /** Envelopes sent on a connection that closed before the app acked them: Slack resends those. */
  private orphans: Envelope[] = [];
  private readonly inFlight = new Map<string, { envelope: Envelope; conn: Conn }>();
  private readonly events = new EventEmitter();
  private seq = 0;

  constructor(private readonly server: WebSocketServer, private readonly fake: FakeSlack) {
    this.events.setMaxListeners(0);
    server.on('connection', (ws) => {
      const conn: Conn = { n: this.conns.length + 1, ws, answersPings: true, pingsSeen: 0 };
      this.conns.push(conn);
      ws.on('ping', (data) => {
        conn.pingsSeen += 1;
        if (conn.answersPings) ws.pong(data);
      });
      ws.on('message', (raw) => {
        try {
          const msg = JSON.parse(raw.toString()) as { envelope_id?: string; payload?: Record<string, unknown> };
          if (typeof msg.envelope_id === 'string') {
            this.inFlight.delete(msg.envelope_id);
            this.acks.push({ envelope_id: msg.envelope_id, payload: msg.payload ?? {}, connection: conn.n });
          }
        } catch {
          // Not an ack; ignored as Slack would.
        }
        this.events.emit('change');
      });
      ws.on('close', () => {
        for (const [id, f] of this.inFlight) {
          if (f.conn !== conn) continue;
          this.inFlight.delete(id);
          this.orphans.push({ ...f.envelope, retry_attempt: (f.envelope.retry_attempt ?? 0) + 1, retry_reason: 'connection_lost' });
        }
        this.events.emit('change');
      });
      ws.send(JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake-socket-mode', approximate_connection_time: 18060 },
        connection_info: { app_id: fake.appId },
      }));
      const resend = this.orphans;
      this.orphans = [];
      for (const e of resend) this.send(conn, e);
      this.events.emit('change');
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }

  /** Connections opened so far (the app reconnecting opens another). */
  get connectionCount(): number {
    return this.conns.length;
  }

  get openConnections(): number {
    return this.conns.filter((c) => c.ws.readyState === WebSocket.OPEN).length;
  }

  private send(conn: Conn, envelope: Envelope): void {
    this.delivered.push(envelope);
    this.inFlight.set(envelope.envelope_id, { envelope, conn });
    conn.ws.send(JSON.stringify(envelope));
  }

  private current(): Conn | undefined {
    return [...this.conns].reverse().find((c) => c.ws.readyState === WebSocket.OPEN);
  }

  /** Resolves with the predicate's first truthy value, re-checked on every socket event. */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        const v = predicate();
        if (v === undefined || v === null || v === false) return;
        cleanup();
        resolve(v);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Socket Mode: ${what} not met within ${timeoutMs}ms (connections: ${this.conns.length}, acks: ${this.acks.length})`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off('change', check);
      };
      this.events.on('change', check);
      check();
    });
  }

  waitForConnection(n: number, timeoutMs = 5000): Promise<true> {
    return this.waitFor(() => this.conns.length >= n && this.current() !== undefined, timeoutMs, `connection ${n}`);
  }

  acksFor(envelopeId: string): Ack[] {
    return this.acks.filter((a) => a.envelope_id === envelopeId);
  }

  /** Deliver over the newest open connection (waiting for one); resolves with the app's ack. */
  async deliver(envelope: Envelope, timeoutMs = 5000): Promise<Ack> {
    const conn = await this.waitFor(() => this.current(), timeoutMs, 'an open connection');
    const already = this.acksFor(envelope.envelope_id).length;
    this.send(conn, envelope);
    return this.waitFor(() => this.acksFor(envelope.envelope_id)[already], timeoutMs, `ack of ${envelope.envelope_id}`);
  }

  /** The same envelope again, as Slack does when it thinks the ack was lost. */
  redeliver(envelope: Envelope, retryAttempt = 1, reason = 'timeout'): Promise<Ack> {
    return this.deliver({ ...envelope, retry_attempt: retryAttempt, retry_reason: reason });
  }

  envelope(type: Envelope['type'], payload: Record<string, unknown>, acceptsResponsePayload: boolean): Envelope {
    this.seq += 1;
    return {
      envelope_id: `${randomBytes(4).toString('hex')}-${this.seq}-fake-envelope`,
      type,
      payload,
      accepts_response_payload: acceptsResponsePayload,
      ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
    };
  }

  slashCommand(userId: string, text: string, o: { responseUrl?: string; teamId?: string } = {}): Envelope {
    return this.envelope('slash_commands', {
      token: 'legacy-verification-token',
      team_id: o.teamId ?? this.fake.teamId,
      team_domain: this.fake.teamDomain,
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      user_id: userId,
      user_name: userId.toLowerCase(),
      command: '/ballast',
      text,
      api_app_id: this.fake.appId,
      is_enterprise_install: 'false',
      response_url: o.responseUrl ?? this.fake.responseUrl(),
      trigger_id: newTriggerId(),
    }, true);
  }

  buttonClick(userId: string, actionId: string, o: { value?: string; view?: Record<string, unknown> } = {}): Envelope {
    const team = { id: this.fake.teamId, domain: this.fake.teamDomain };
    const viewId = 'V0HOME';
    return this.envelope('interactive', {
      type: 'block_actions',
      user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: this.fake.teamId },
      api_app_id: this.fake.appId,
      token: 'legacy-verification-token',
      container: { type: 'view', view_id: viewId },
      trigger_id: newTriggerId(),
      team,
      enterprise: null,
      is_enterprise_install: false,
      view: { id: viewId, type: 'home', team_id: this.fake.teamId, state: { values: {} }, hash: 'h0', private_metadata: '', callback_id: '', blocks: [], ...o.view },
      state: { values: {} },
      actions: [{
        action_id: actionId, block_id: 'b0', type: 'button', text: { type: 'plain_text', text: actionId },
        ...(o.value !== undefined ? { value: o.value } : {}), action_ts: '1700000000.000100',
      }],
    }, false);
  }

  event(event: Record<string, unknown>, o: { eventId?: string } = {}): Envelope {
    this.seq += 1;
    return this.envelope('events_api', {
      token: 'legacy-verification-token',
      team_id: this.fake.teamId,
      api_app_id: this.fake.appId,
      event: { event_ts: '1700000000.000100', ...event },
      type: 'event_callback',
      event_id: o.eventId ?? `Ev0SOCK${String(this.seq).padStart(4, '0')}`,
      event_time: 1700000000,
      authorizations: [{ enterprise_id: null, team_id: this.fake.teamId, user_id: this.fake.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    }, false);
  }

  /** Slack asks the client to reconnect (`refresh_requested`, `link_disabled`, `warning`…). */
  requestDisconnect(reason = 'refresh_requested'): void {
    const conn = this.current();
    if (!conn) throw new Error('fake Socket Mode: no open connection to disconnect');
    conn.ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-socket-mode' } }));
  }

  /** The current connection stops answering the app's pings (a half-dead link); new ones answer. */
  stopAnsweringPings(): number {
    const conn = this.current();
    if (!conn) throw new Error('fake Socket Mode: no open connection');
    conn.answersPings = false;
    return conn.n;
  }

  pingsSeenOn(connection: number): number {
    return this.conns[connection - 1]?.pingsSeen ?? 0;
  }

  async close(): Promise<void> {
    for (const c of this.conns) c.ws.terminate();
    this.events.removeAllListeners();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Starts the fake and points the fake Slack's `apps.connections.open` at it. */
export async function startFakeSocketMode(fake: FakeSlack): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, autoPong: false });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const sm = new FakeSocketMode(server, fake);
  fake.setSocketModeUrl(sm.url);
  return sm;
}
