// Subscribes with the npm graphql-ws client (graphql-transport-ws) and prints the received values as JSON.
// Usage: node graphql-transport-ws.mjs <ws-url> <count>
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, count] = process.argv.slice(2);
const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: {} });
const values = [];
const timer = setTimeout(() => fail(new Error('timed out')), 15000);

function fail(error) {
  console.error(error instanceof Error ? error.message : JSON.stringify(error));
  process.exit(1);
}

client.subscribe(
  { query: 'subscription ($from: Int!) { countdown(from: $from) }', variables: { from: Number(count) } },
  {
    next: (result) => (result.errors ? fail(result.errors) : values.push(result.data.countdown)),
    error: fail,
    complete: async () => {
      clearTimeout(timer);
      await client.dispose();
      console.log(JSON.stringify(values));
    },
  },
);
