// Subscribes with Apollo's subscriptions-transport-ws client (legacy graphql-ws) and prints the received values as JSON.
// Usage: node legacy-graphql-ws.mjs <ws-url> <count>
import subscriptionsTransportWs from 'subscriptions-transport-ws';
import WebSocket from 'ws';

const { SubscriptionClient } = subscriptionsTransportWs;
const [url, count] = process.argv.slice(2);
const client = new SubscriptionClient(url, { reconnect: false, connectionParams: {} }, WebSocket);
const values = [];
const timer = setTimeout(() => fail(new Error('timed out')), 15000);

function fail(error) {
  console.error(error instanceof Error ? error.message : JSON.stringify(error));
  process.exit(1);
}

client
  .request({ query: 'subscription ($from: Int!) { countdown(from: $from) }', variables: { from: Number(count) } })
  .subscribe({
    next: (result) => (result.errors ? fail(result.errors) : values.push(result.data.countdown)),
    error: fail,
    complete: () => {
      clearTimeout(timer);
      client.close();
      console.log(JSON.stringify(values));
    },
  });
