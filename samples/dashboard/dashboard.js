// The admin dashboard: sign in, load the latest orders over HTTP, then keep the table live from the
// orderEvents subscription over graphql-transport-ws. Same origin only: every address derives from location.
import { GraphQLSocket, sameOriginSocketUrl } from './graphql-ws.js';

const ENDPOINT = '/graphql';
const MAX_ROWS = 200; // the table grows with placements; keep the page light on a busy day
const MAX_ACTIVITY = 20;
const SESSION_KEY = 'graphapi.dashboard.session';

const ORDER_FIELDS = 'fragment OrderRow on Order { id status total createdAt updatedAt customer { username } }';

const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) {
    token expiresAt user { username role }
    errors { __typename ... on Error { message } }
  }
}`;

const LATEST_ORDERS = `query LatestOrders {
  orders(first: 50, order: [{ createdAt: DESC }]) { totalCount nodes { ...OrderRow } }
} ${ORDER_FIELDS}`;

const ORDER_EVENTS = `subscription OrderEvents {
  orderEvents { kind previousStatus status occurredAt order { ...OrderRow } }
} ${ORDER_FIELDS}`;

const STATE_LABELS = {
  offline: 'Offline',
  connecting: 'Connecting…',
  live: 'Live',
  retrying: 'Reconnecting',
  closed: 'Disconnected',
};

const $ = (selector) => document.querySelector(selector);
const money = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

const rows = new Map(); // order id -> { element, order }
let totalCount = 0;
let socket = null;
let pendingEvents = null; // events that arrive while a snapshot loads; applied after it

// ---- GraphQL over HTTP ----

async function post(query, variables, token) {
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  const response = await fetch(ENDPOINT, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const result = await response.json();
  if (result.errors?.length) {
    throw new Error(result.errors.map((error) => error.message).join('; '));
  }
  return result.data;
}

// ---- session ----

function loadSession() {
  const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
  return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
}

async function signIn(usernameOrEmail, password) {
  const { login } = await post(LOGIN, { input: { usernameOrEmail, password } });
  if (login.errors?.length) {
    throw new Error(login.errors[0].message);
  }
  if (login.user.role !== 'ADMIN') {
    throw new Error('This dashboard is for administrators.');
  }
  const session = { token: login.token, expiresAt: login.expiresAt, username: login.user.username };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return session;
}

function signOut(message) {
  socket?.stop();
  socket = null;
  sessionStorage.removeItem(SESSION_KEY);
  showConnection('offline');
  $('#orders-view').hidden = true;
  $('#account').hidden = true;
  $('#login-view').hidden = false;
  showLoginError(message);
}

// ---- live orders ----

function openDashboard(session) {
  $('#login-view').hidden = true;
  $('#orders-view').hidden = false;
  $('#account').hidden = false;
  $('#account-name').textContent = session.username;

  socket = new GraphQLSocket({
    url: sameOriginSocketUrl(ENDPOINT),
    token: session.token,
    onState: (state, detail) => {
      showConnection(state, detail);
      if (state === 'closed') {
        signOut(`Live updates stopped (${detail.reason}). Please sign in again.`);
      }
    },
    // Subscribed first, then loaded: nothing placed in between is lost (at-most-once while the socket was down).
    onReady: () => loadSnapshot(session.token),
  });
  socket.subscribe(ORDER_EVENTS, {}, {
    next: (result) => (result.data ? receive(result.data.orderEvents) : logActivity(`Event error: ${describe(result.errors)}`)),
    error: (errors) => logActivity(`Subscription refused: ${describe(errors)}`),
    complete: () => logActivity('The server ended the subscription.'),
  });
  socket.start();
}

async function loadSnapshot(token) {
  pendingEvents = [];
  try {
    const { orders } = await post(LATEST_ORDERS, {}, token);
    totalCount = orders.totalCount;
    rows.clear();
    $('#orders').replaceChildren();
    for (const order of orders.nodes) {
      addRow(order, { atTop: false });
    }
  } catch (error) {
    logActivity(`Could not load orders: ${error.message}`);
  } finally {
    const buffered = pendingEvents;
    pendingEvents = null;
    buffered.forEach(receive);
    renderSummary();
  }
}

function receive(event) {
  if (pendingEvents) {
    pendingEvents.push(event);
    return;
  }
  const known = rows.get(event.order.id);
  if (event.kind === 'PLACED') {
    logActivity(`${label(event.order)} placed by ${event.order.customer.username}`, event.occurredAt);
    if (!known) {
      totalCount += 1;
      addRow(event.order, { atTop: true }).classList.add('flash');
    }
  } else {
    logActivity(`${label(event.order)} ${event.previousStatus} → ${event.status}`, event.occurredAt);
    // An event can be older than the snapshot that already shows its effect: never move a row backwards.
    if (known && event.order.updatedAt >= known.order.updatedAt) {
      updateRow(known, event.order);
    }
  }
  renderSummary();
}

function addRow(order, { atTop }) {
  const element = $('#order-row').content.firstElementChild.cloneNode(true);
  const row = { element, order };
  element.dataset.orderId = order.id;
  fill(row);
  rows.set(order.id, row);
  const body = $('#orders');
  if (atTop) {
    body.prepend(element);
  } else {
    body.append(element);
  }
  while (body.rows.length > MAX_ROWS) {
    rows.delete(body.lastElementChild.dataset.orderId);
    body.lastElementChild.remove();
  }
  return element;
}

function updateRow(row, order) {
  row.order = order;
  fill(row);
  // Restart the highlight even when it is still running from a previous change.
  row.element.classList.remove('flash');
  void row.element.offsetWidth;
  row.element.classList.add('flash');
}

function fill({ element, order }) {
  const cell = (field) => element.querySelector(`[data-field="${field}"]`);
  cell('id').textContent = label(order);
  cell('customer').textContent = order.customer.username;
  cell('status').textContent = order.status;
  cell('status').dataset.status = order.status;
  cell('total').textContent = money.format(order.total);
  cell('createdAt').textContent = time.format(new Date(order.createdAt));
  cell('updatedAt').textContent = time.format(new Date(order.updatedAt));
}

// IDs are opaque to clients; the short label is for people only, with the raw ID as the fallback.
function label(order) {
  try {
    const [type, key] = atob(order.id).split(':');
    return type === 'Order' && key ? `#${key}` : order.id;
  } catch {
    return order.id;
  }
}

// ---- chrome ----

function showConnection(state, detail) {
  const indicator = $('#connection');
  indicator.dataset.state = state;
  const text = state === 'retrying' ? `${STATE_LABELS.retrying} in ${Math.ceil(detail / 1000)} s` : STATE_LABELS[state];
  indicator.querySelector('.label').textContent = text;
}

function renderSummary() {
  $('#order-count').textContent = `${totalCount} ${totalCount === 1 ? 'order' : 'orders'} in total · showing the ${rows.size} latest`;
  $('#empty').hidden = rows.size > 0;
}

function logActivity(text, at = new Date().toISOString()) {
  const item = document.createElement('li');
  const stamp = document.createElement('time');
  stamp.dateTime = at;
  stamp.textContent = new Date(at).toLocaleTimeString();
  item.append(stamp, ` ${text}`);
  const list = $('#activity');
  list.prepend(item);
  while (list.children.length > MAX_ACTIVITY) {
    list.lastElementChild.remove();
  }
}

function describe(errors) {
  return (Array.isArray(errors) ? errors : [errors]).map((error) => error?.message ?? String(error)).join('; ');
}

function showLoginError(message) {
  const error = $('#login-error');
  error.textContent = message ?? '';
  error.hidden = !message;
}

$('#login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const button = form.querySelector('button');
  button.disabled = true;
  showLoginError(null);
  try {
    const session = await signIn(form.usernameOrEmail.value, form.password.value);
    form.reset();
    openDashboard(session);
  } catch (error) {
    showLoginError(error.message);
  } finally {
    button.disabled = false;
  }
});

$('#sign-out').addEventListener('click', () => signOut(null));

const saved = loadSession();
if (saved) {
  openDashboard(saved);
}
