// One server process: Fastify + Mercurius (graphql-jit after a document's first execution) over the app's SQLite file.
import Fastify from 'fastify'
import mercurius from 'mercurius'
import { createVerifier } from './jwt.mjs'
import { createResolvers } from './resolvers.mjs'
import { schema } from './schema.mjs'
import { openStore } from './store.mjs'

export async function startServer ({ port, host, database, signingKey, issuer, audience }) {
  const store = openStore(database)
  const verify = createVerifier({ signingKey, issuer, audience })
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
  app.addHook('onClose', async () => store.close())

  await app.listen({ port, host })
  return app
}
