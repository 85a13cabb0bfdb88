// The load run's Node comparison server: Fastify + Mercurius (graphql-jit after the first execution of a document)
// over the SQLite file the app created and seeded. Serves S1–S3 of tests/GraphApi.Benchmarks/Load/LoadRun.cs.
// node server.mjs --port 5082 --database PATH --signing-key KEY [--host 127.0.0.1]
import Fastify from 'fastify'
import mercurius from 'mercurius'
import { parseArgs } from 'node:util'
import { createVerifier } from './jwt.mjs'
import { createResolvers } from './resolvers.mjs'
import { schema } from './schema.mjs'
import { openStore } from './store.mjs'

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '5082' },
    host: { type: 'string', default: '127.0.0.1' },
    database: { type: 'string' },
    'signing-key': { type: 'string' },
    issuer: { type: 'string', default: 'GraphApi' },
    audience: { type: 'string', default: 'GraphApi' }
  }
})
if (!options.database || !options['signing-key']) {
  console.error('Usage: node server.mjs --port P --database PATH --signing-key KEY')
  process.exit(2)
}

const store = openStore(options.database)
const verify = createVerifier({ signingKey: options['signing-key'], issuer: options.issuer, audience: options.audience })
const { resolvers, createBatches } = createResolvers(store)

const app = Fastify({ logger: false })
app.get('/health/live', (_, reply) => reply.type('text/plain').send('Healthy'))
await app.register(mercurius, {
  schema,
  resolvers,
  path: '/graphql',
  graphiql: false,
  jit: 1, // compile a document with graphql-jit once it has run once
  context: (request) => ({ user: verify(request.headers.authorization), batches: createBatches() })
})

const close = async () => {
  await app.close()
  store.close()
  process.exit(0)
}
process.once('SIGTERM', close)
process.once('SIGINT', close)

await app.listen({ port: Number(options.port), host: options.host })
console.log(`Node baseline listening on http://${options.host}:${options.port}`)
