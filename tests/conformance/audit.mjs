// Runs graphql-http's GraphQL-over-HTTP server audits against the URL given as the first argument
// and prints one JSON array: [{ id, name, status: "ok"|"notice"|"warn"|"error", reason?, responseStatus? }].
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  results.push({
    id: result.id,
    name: result.name,
    status: result.status,
    reason: result.status === 'ok' ? undefined : result.reason,
    responseStatus: result.status === 'ok' ? undefined : result.response?.status,
  });
}

console.log(JSON.stringify(results, null, 2));
