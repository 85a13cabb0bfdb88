// The load run's Node comparison server (README.md): serves S1–S3 of tests/GraphApi.Benchmarks/Load/LoadQueries.cs
// from the SQLite file the app created and seeded.
// node server.mjs --port 5082 --database PATH --signing-key KEY [--host 127.0.0.1] [--workers 1]
// --workers N > 1 runs N processes on the one port (node:cluster), e.g. one per core.
import cluster from 'node:cluster'
import { parseArgs } from 'node:util'
import { startServer } from './app.mjs'

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '5082' },
    host: { type: 'string', default: '127.0.0.1' },
    database: { type: 'string' },
    'signing-key': { type: 'string' },
    issuer: { type: 'string', default: 'GraphApi' },
    audience: { type: 'string', default: 'GraphApi' },
    workers: { type: 'string', default: '1' }
  }
})
const workers = Number(options.workers)
if (!options.database || !options['signing-key'] || !Number.isInteger(workers) || workers < 1) {
  console.error('Usage: node server.mjs --port P --database PATH --signing-key KEY [--host 127.0.0.1] [--workers N]')
  process.exit(2)
}

if (workers > 1 && cluster.isPrimary) {
  let stopping = false
  for (let i = 0; i < workers; i++) cluster.fork()
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) {
      console.error(`Worker ${worker.process.pid} died (${signal ?? code}); stopping.`)
      stop(1)
    }
  })
  const stop = (code) => {
    stopping = true
    for (const worker of Object.values(cluster.workers)) worker.kill('SIGTERM')
    process.exitCode = code
  }
  process.once('SIGTERM', () => stop(0))
  process.once('SIGINT', () => stop(0))
  console.log(`Node baseline: ${workers} workers on http://${options.host}:${options.port}`)
} else {
  const app = await startServer({
    port: Number(options.port),
    host: options.host,
    database: options.database,
    signingKey: options['signing-key'],
    issuer: options.issuer,
    audience: options.audience
  })
  const close = async () => {
    await app.close()
    process.exit(0)
  }
  process.once('SIGTERM', close)
  process.once('SIGINT', close)
  if (cluster.isPrimary) console.log(`Node baseline listening on http://${options.host}:${options.port}`)
}
