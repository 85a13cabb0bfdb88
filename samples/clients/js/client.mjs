// GraphApi sample client: logs in as a customer, places an order, subscribes to its status over
// graphql-ws (graphql-transport-ws protocol), then — as the admin — marks the order PAID and exits 0
// once the subscription has delivered that change. The product lookup uses automatic persisted queries
// (Apollo's protocol): the hash first, the query only when the server answers PERSISTED_QUERY_NOT_FOUND.
//
//   node client.mjs [url] [customer] [customerPassword] [admin] [adminPassword]
//
// Each argument falls back to an environment variable: GRAPHAPI_URL (default http://localhost:5000/graphql),
// GRAPHAPI_CUSTOMER, GRAPHAPI_CUSTOMER_PASSWORD, GRAPHAPI_ADMIN, GRAPHAPI_ADMIN_PASSWORD.
import { createHash } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws'; // Node 20 has no global WebSocket

const [argUrl, argCustomer, argCustomerPassword, argAdmin, argAdminPassword] = process.argv.slice(2);
const url = argUrl ?? process.env.GRAPHAPI_URL ?? 'http://localhost:5000/graphql';
const customer = required(argCustomer ?? process.env.GRAPHAPI_CUSTOMER, 'customer');
const customerPassword = required(argCustomerPassword ?? process.env.GRAPHAPI_CUSTOMER_PASSWORD, 'customer password');
const admin = required(argAdmin ?? process.env.GRAPHAPI_ADMIN, 'admin');
const adminPassword = required(argAdminPassword ?? process.env.GRAPHAPI_ADMIN_PASSWORD, 'admin password');
const timeoutMs = 30_000;

function required(value, name) {
  if (!value) {
    console.error(`Missing ${name}: pass it as an argument or set its GRAPHAPI_* variable.`);
    process.exit(2);
  }
  return value;
}

/** POSTs one request body and returns the parsed response. */
async function post(request, token) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(request),
  });
  return response.json();
}

function dataOf(body) {
  if (body.errors?.length) {
    throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

/** POSTs one operation; throws on transport or GraphQL errors and returns `data`. */
async function graphql(query, variables, token) {
  return dataOf(await post({ query, variables }, token));
}

/**
 * The same, as an automatic persisted query: sends only the SHA-256 of the query; when the server does not know it
 * yet (PERSISTED_QUERY_NOT_FOUND, HTTP 200) sends the query with its hash, which the server stores for next time.
 * Returns `data` and whether the query text had to be sent.
 */
async function graphqlPersisted(query, variables, token) {
  const sha256Hash = createHash('sha256').update(query, 'utf8').digest('hex');
  const extensions = { persistedQuery: { version: 1, sha256Hash } };
  const byHash = await post({ variables, extensions }, token);
  if (!byHash.errors?.some((error) => error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
    return { data: dataOf(byHash), sentQuery: false };
  }
  return { data: dataOf(await post({ query, variables, extensions }, token)), sentQuery: true };
}

async function login(usernameOrEmail, password) {
  const data = await graphql(
    `mutation Login($input: LoginInput!) {
       login(input: $input) { token user { username role } errors { __typename ... on Error { message } } }
     }`,
    { input: { usernameOrEmail, password } });
  if (!data.login.token) {
    throw new Error(`Login of ${usernameOrEmail} failed: ${JSON.stringify(data.login.errors)}`);
  }
  return data.login.token;
}

const customerToken = await login(customer, customerPassword);
const adminToken = await login(admin, adminPassword);
console.log(`Logged in as ${customer} and ${admin}.`);

const inStock = `query InStock { products(first: 1, where: { stock: { gte: 1 } }) { nodes { id name } } }`;
const first = await graphqlPersisted(inStock);
const second = await graphqlPersisted(inStock);
console.log(`Persisted query InStock: ${first.sentQuery ? 'registered by sending the query' : 'already known'}, `
  + `then ${second.sentQuery ? 'sent again (the server does not store persisted queries)' : 'ran by hash alone'}.`);
const product = second.data.products.nodes[0];
if (!product) {
  throw new Error('No product in stock to order.');
}

const placed = await graphql(
  `mutation Place($input: PlaceOrderInput!) {
     placeOrder(input: $input) { order { id status total } errors { __typename ... on Error { message } } }
   }`,
  { input: { items: [{ productId: product.id, quantity: 1 }] } },
  customerToken);
const order = placed.placeOrder.order;
if (!order) {
  throw new Error(`placeOrder failed: ${JSON.stringify(placed.placeOrder.errors)}`);
}
console.log(`Placed order ${order.id} for 1 × ${product.name}: ${order.status}, total ${order.total}.`);

const socket = createClient({
  url: url.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  connectionParams: { authorization: `Bearer ${customerToken}` },
  retryAttempts: 0,
});

// Resolves with the first status change of the order; the subscription is acknowledged before the admin acts.
const change = new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`No status change within ${timeoutMs} ms.`)), timeoutMs);
  const unsubscribe = socket.subscribe(
    {
      query: `subscription Follow($orderId: ID!) {
                orderStatusChanged(orderId: $orderId) { previousStatus status changedAt order { id } }
              }`,
      variables: { orderId: order.id },
    },
    {
      next: (message) => {
        if (message.errors?.length) {
          reject(new Error(`Subscription errors: ${JSON.stringify(message.errors)}`));
          return;
        }
        clearTimeout(timer);
        unsubscribe();
        resolve(message.data.orderStatusChanged);
      },
      error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
      complete: () => reject(new Error('The subscription completed without a status change.')),
    });
});

// graphql-ws subscribes lazily; wait until the server has acknowledged the connection, then give the
// subscribe message a moment to be registered before the admin changes the status.
await new Promise((resolve) => socket.on('connected', resolve));
await new Promise((resolve) => setTimeout(resolve, 500));

const updated = await graphql(
  `mutation Pay($input: UpdateOrderStatusInput!) {
     updateOrderStatus(input: $input) { order { id status } errors { __typename ... on Error { message } } }
   }`,
  { input: { orderId: order.id, status: 'PAID' } },
  adminToken);
if (!updated.updateOrderStatus.order) {
  throw new Error(`updateOrderStatus failed: ${JSON.stringify(updated.updateOrderStatus.errors)}`);
}

try {
  const seen = await change;
  console.log(`Order ${seen.order.id} status changed: ${seen.previousStatus} -> ${seen.status} at ${seen.changedAt}`);
} finally {
  await socket.dispose();
}
