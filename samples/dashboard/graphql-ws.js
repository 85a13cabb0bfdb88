// A small graphql-transport-ws client (the protocol of the npm package graphql-ws) over the browser's own
// WebSocket: connection_init with a bearer token, subscribe / next / error / complete, ping / pong, and
// reconnection with capped, jittered exponential backoff. Subscriptions survive reconnects: each one is sent
// again after every connection_ack.

const SUBPROTOCOL = 'graphql-transport-ws';

// Reconnecting cannot fix these: the token was refused (4401, 4403) or this client broke the protocol
// (4400 invalid message, 4409 duplicate id, 4429 too many inits). Everything else (a dropped network,
// a restarting server, 4408 init timeout) is worth another try.
const FINAL_CLOSE_CODES = new Map([
  [4400, 'protocol error'],
  [4401, 'unauthorized'],
  [4403, 'session refused or expired'],
  [4409, 'protocol error'],
  [4429, 'protocol error'],
]);

const ACK_TIMEOUT_MS = 10_000;
const SILENCE_BEFORE_PING_MS = 20_000; // the server pings every 5 s by default; silence this long is suspicious
const SILENCE_BEFORE_DROP_MS = 30_000;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * One live connection to a GraphQL server. States reported through onState:
 * 'connecting', 'live', 'retrying' (with the delay in ms), 'closed' (with a reason; no more retries).
 */
export class GraphQLSocket {
  #url;
  #token;
  #onState;
  #onReady;
  #socket = null;
  #subscriptions = new Map(); // id -> { payload, sink }
  #nextId = 1;
  #attempt = 0;
  #retryTimer = 0;
  #ackTimer = 0;
  #watchdog = 0;
  #lastHeard = 0;
  #pingSent = false;
  #stopped = true;

  /**
   * @param {{ url: string, token: string, onState: (state: string, detail?: unknown) => void, onReady?: () => void }} options
   *   onReady runs after every connection_ack, once the subscriptions are sent again: the place to reload
   *   anything that may have changed while the socket was down (delivery is at-most-once).
   */
  constructor({ url, token, onState, onReady }) {
    this.#url = url;
    this.#token = token;
    this.#onState = onState;
    this.#onReady = onReady ?? (() => {});
  }

  start() {
    this.#stopped = false;
    window.addEventListener('online', this.#reconnectNow);
    this.#connect();
  }

  stop() {
    this.#stopped = true;
    window.removeEventListener('online', this.#reconnectNow);
    clearTimeout(this.#retryTimer);
    this.#drop(1000, 'Normal Closure');
  }

  /** Subscribes now (when live) and after every reconnect; returns a function that completes it. */
  subscribe(query, variables, sink) {
    const id = String(this.#nextId++);
    const payload = { query, variables };
    this.#subscriptions.set(id, { payload, sink });
    if (this.#isAcknowledged()) {
      this.#send({ id, type: 'subscribe', payload });
    }
    return () => {
      if (this.#subscriptions.delete(id) && this.#isAcknowledged()) {
        this.#send({ id, type: 'complete' });
      }
    };
  }

  #connect() {
    this.#onState('connecting');
    const socket = new WebSocket(this.#url, SUBPROTOCOL);
    socket.acknowledged = false;
    this.#socket = socket;
    socket.onopen = () => {
      this.#send({ type: 'connection_init', payload: { authorization: `Bearer ${this.#token}` } });
      this.#ackTimer = setTimeout(() => this.#lost(), ACK_TIMEOUT_MS);
    };
    socket.onmessage = (event) => this.#receive(socket, event.data);
    socket.onclose = (event) => {
      if (socket === this.#socket) {
        this.#closed(event.code, event.reason);
      }
    };
  }

  #receive(socket, data) {
    if (socket !== this.#socket) {
      return;
    }
    this.#lastHeard = Date.now();
    this.#pingSent = false;
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      this.#lost(4400, 'Invalid message');
      return;
    }
    switch (message.type) {
      case 'connection_ack':
        this.#acknowledged();
        break;
      case 'ping':
        this.#send({ type: 'pong' });
        break;
      case 'pong':
        break;
      case 'next':
        this.#subscriptions.get(message.id)?.sink.next(message.payload);
        break;
      case 'error':
        this.#finish(message.id, (sink) => sink.error?.(message.payload));
        break;
      case 'complete':
        this.#finish(message.id, (sink) => sink.complete?.());
        break;
      default:
        this.#lost(4400, `Unexpected message type ${message.type}`);
    }
  }

  #acknowledged() {
    clearTimeout(this.#ackTimer);
    this.#socket.acknowledged = true;
    this.#attempt = 0;
    this.#watchdog = setInterval(() => this.#checkLiveness(), 5_000);
    for (const [id, { payload }] of this.#subscriptions) {
      this.#send({ id, type: 'subscribe', payload });
    }
    this.#onState('live');
    this.#onReady();
  }

  #finish(id, notify) {
    const subscription = this.#subscriptions.get(id);
    if (subscription) {
      this.#subscriptions.delete(id);
      notify(subscription.sink);
    }
  }

  // A half-open TCP connection never fires onclose by itself: ping after a silence, give up after a longer one.
  #checkLiveness() {
    const silence = Date.now() - this.#lastHeard;
    if (silence > SILENCE_BEFORE_DROP_MS) {
      this.#lost();
    } else if (silence > SILENCE_BEFORE_PING_MS && !this.#pingSent) {
      this.#pingSent = true;
      this.#send({ type: 'ping' });
    }
  }

  #closed(code, reason) {
    this.#release();
    if (this.#stopped) {
      return;
    }
    const final = FINAL_CLOSE_CODES.get(code);
    if (final) {
      this.#stopped = true;
      this.#onState('closed', { code, reason: reason || final });
      return;
    }
    this.#scheduleRetry();
  }

  // The socket is unusable (silent, or speaking nonsense) and may not close by itself for a long while:
  // forget it and reconnect with backoff.
  #lost(code = 4499, reason = 'Terminated') {
    this.#drop(code, reason);
    if (!this.#stopped) {
      this.#scheduleRetry();
    }
  }

  #drop(code, reason) {
    const socket = this.#socket;
    this.#release();
    if (socket && socket.readyState <= WebSocket.OPEN) {
      socket.close(code, reason);
    }
  }

  #release() {
    clearTimeout(this.#ackTimer);
    clearInterval(this.#watchdog);
    this.#socket = null;
  }

  #scheduleRetry() {
    const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.#attempt);
    const delay = Math.round(ceiling / 2 + Math.random() * (ceiling / 2)); // jitter spreads a crowd of dashboards
    this.#attempt += 1;
    this.#onState('retrying', delay);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#connect(), delay);
  }

  #reconnectNow = () => {
    if (!this.#stopped && !this.#socket) {
      clearTimeout(this.#retryTimer);
      this.#connect();
    }
  };

  #isAcknowledged() {
    return this.#socket?.acknowledged === true;
  }

  #send(message) {
    if (this.#socket?.readyState === WebSocket.OPEN) {
      this.#socket.send(JSON.stringify(message));
    }
  }
}

/** The WebSocket address of a path on the page's own origin (ws: for http:, wss: for https:). */
export function sameOriginSocketUrl(path) {
  const url = new URL(path, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}
