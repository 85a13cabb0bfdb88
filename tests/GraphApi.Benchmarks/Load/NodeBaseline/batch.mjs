// A per-request batch loader in the DataLoader style: every key asked for during one tick of execution is loaded
// with one call of `loadMany(keys)` (a Map from key to value), each key once. Hand-rolled rather than mercurius
// `loaders`, whose batching serializes every parent object into a cache key (safe-stable-stringify) per field.
export class Batch {
  constructor (loadMany, missing) {
    this.loadMany = loadMany
    this.missing = missing
    this.pending = null
  }

  load (key) {
    if (this.pending === null) {
      this.pending = new Map()
      process.nextTick(() => this.flush())
    }
    let waiting = this.pending.get(key)
    if (waiting === undefined) {
      waiting = {}
      waiting.promise = new Promise((resolve, reject) => { waiting.resolve = resolve; waiting.reject = reject })
      this.pending.set(key, waiting)
    }
    return waiting.promise
  }

  flush () {
    const pending = this.pending
    this.pending = null
    let found
    try {
      found = this.loadMany([...pending.keys()])
    } catch (error) {
      for (const waiting of pending.values()) waiting.reject(error)
      return
    }
    for (const [key, waiting] of pending) waiting.resolve(found.get(key) ?? this.missing)
  }
}
