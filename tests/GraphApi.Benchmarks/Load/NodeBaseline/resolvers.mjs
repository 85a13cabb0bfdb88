// Resolvers and per-request batch loaders for the schema in schema.mjs, with the app's rules: keyset connections
// (first ≤ 50, default 10, cursors shaped like the app's), orders for their owner or an admin, and placeOrder's
// validation (docs/rules.md) before one write transaction.
import { GraphQLScalarType, Kind } from 'graphql'
import mercurius from 'mercurius'
import { Batch } from './batch.mjs'

const DEFAULT_PAGE_SIZE = 10
const MAX_PAGE_SIZE = 50
const DEFAULT_ORDER_SIGNATURE = 'E3B0C44298FC' // the app's fingerprint of "no order: by key"
const MAX_LINES = 50
const MIN_QUANTITY = 1
const MAX_QUANTITY = 1000

const failure = (code, message) => new mercurius.ErrorWithProps(message, { code, codes: [code] })
const notAuthenticated = () => failure('AUTH_NOT_AUTHENTICATED', 'The current user is not authorized to access this resource.')

function pageSize (first) {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE
  if (first < 0) throw failure('INVALID_PAGING_ARGUMENTS', "'first' and 'last' must not be negative.")
  if (first > MAX_PAGE_SIZE) throw failure('PAGE_SIZE_EXCEEDED', `A page holds at most ${MAX_PAGE_SIZE} items.`)
  return first
}

const encodeCursor = (scope, key) =>
  Buffer.from(JSON.stringify({ S: scope, O: DEFAULT_ORDER_SIGNATURE, V: [key] }), 'utf8').toString('base64')

function decodeCursor (scope, cursor) {
  if (cursor === null || cursor === undefined) return null
  let payload
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'))
  } catch {
    throw failure('INVALID_CURSOR', 'The cursor is malformed.')
  }
  if (payload?.S !== scope) throw failure('INVALID_CURSOR', 'The cursor belongs to another connection.')
  if (payload.O !== DEFAULT_ORDER_SIGNATURE || !Array.isArray(payload.V) || payload.V.length !== 1) {
    throw failure('INVALID_CURSOR', 'The cursor was made under another order.')
  }
  if (!Number.isSafeInteger(payload.V[0])) throw failure('INVALID_CURSOR', 'The cursor is malformed.')
  return payload.V[0]
}

/** A page of rows fetched with one row extra, so hasNextPage needs no second query. */
function connection (scope, fetched, size, afterKey, { atOrBefore, count }) {
  return { scope, nodes: fetched.slice(0, size), hasNext: fetched.length > size, afterKey, atOrBefore, count }
}

const connectionFields = {
  edges: (c) => c.nodes.map((node) => ({ cursor: encodeCursor(c.scope, node.key), node })),
  pageInfo: (c) => ({
    hasNextPage: c.hasNext,
    hasPreviousPage: c.afterKey !== null && c.atOrBefore(c.afterKey),
    startCursor: c.nodes.length > 0 ? encodeCursor(c.scope, c.nodes[0].key) : null,
    endCursor: c.nodes.length > 0 ? encodeCursor(c.scope, c.nodes[c.nodes.length - 1].key) : null
  }),
  totalCount: (c) => c.count()
}

/** The integer key of a global ID naming `type`; INVALID_ID otherwise (as the app's GlobalId.Parse). */
function parseId (id, type) {
  const shown = id.length <= 64 ? id : id.slice(0, 64) + '…'
  const invalid = () => failure('INVALID_ID', `The ID '${shown}' is not a valid ${type} ID.`)
  if (id.length === 0 || id.length > 512 || !/^[A-Za-z0-9+/]*={0,2}$/.test(id) || id.length % 4 !== 0) throw invalid()
  const text = Buffer.from(id, 'base64').toString('utf8')
  const colon = text.indexOf(':')
  if (colon <= 0 || text.slice(0, colon) !== type || !/^[+-]?\d+$/.test(text.slice(colon + 1))) throw invalid()
  const key = Number(text.slice(colon + 1))
  if (!Number.isSafeInteger(key) || key < -2147483648 || key > 2147483647) throw invalid()
  return key
}

/** Lines of the same product added up, in order of first occurrence; `index` is that first line's position. */
function mergeLines (items) {
  const merged = []
  const byProduct = new Map()
  items.forEach((line, index) => {
    const productKey = parseId(line.productId, 'Product')
    const position = byProduct.get(productKey)
    if (position !== undefined) {
      merged[position].quantity += line.quantity
      return
    }
    byProduct.set(productKey, merged.length)
    merged.push({ index, productId: line.productId, productKey, quantity: line.quantity })
  })
  return merged
}

/** placeOrder's validation phase: every error at once, ordered by line. */
function validateLines (lines, pricesByKey) {
  const errors = []
  if (lines.length === 0) {
    errors.push({ __typename: 'ValidationError', message: 'An order needs at least one line.', field: 'items' })
  } else if (lines.length > MAX_LINES) {
    errors.push({
      __typename: 'ValidationError',
      message: `An order can have at most ${MAX_LINES} different products; this one has ${lines.length}.`,
      field: 'items'
    })
  }
  for (const line of lines) {
    if (!pricesByKey.has(line.productKey)) {
      errors.push({ __typename: 'ProductNotFoundError', message: `No product has the ID '${line.productId}'.`, productId: line.productId })
    }
    if (line.quantity < MIN_QUANTITY || line.quantity > MAX_QUANTITY) {
      errors.push({
        __typename: 'ValidationError',
        message: `The quantity must be between ${MIN_QUANTITY} and 1,000 (lines of the same product are added up); it is ${line.quantity}.`,
        field: `items[${line.index}].quantity`
      })
    }
  }
  return errors
}

const outOfStock = (line) => ({
  __typename: 'OutOfStockError',
  message: `Only ${line.available} of product '${line.productId}' are in stock; ${line.quantity} ${line.quantity === 1 ? 'was' : 'were'} requested.`,
  productId: line.productId,
  requested: line.quantity,
  available: line.available
})

const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  // Stored "2026-11-29 21:30:00.12" (UTC) → "2026-11-29T21:30:00.120Z", exactly three fractional digits.
  serialize (stored) {
    const dot = stored.indexOf('.')
    const seconds = dot < 0 ? stored : stored.slice(0, dot)
    const fraction = dot < 0 ? '' : stored.slice(dot + 1, dot + 4)
    return seconds.replace(' ', 'T') + '.' + fraction.padEnd(3, '0') + 'Z'
  }
})

const Decimal = new GraphQLScalarType({
  name: 'Decimal',
  serialize: (amount) => amount, // already a number (cents / 100)
  parseValue (value) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError('Decimal must be a number.')
    return value
  },
  parseLiteral: (ast) => (ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? Number(ast.value) : undefined)
})

export function createResolvers (store) {
  const resolvers = {
    DateTime,
    Decimal,
    Query: {
      products (_, { first, after }) {
        const size = pageSize(first)
        const afterKey = decodeCursor('Query.products', after)
        return connection('Query.products', store.products(afterKey, size + 1), size, afterKey, {
          atOrBefore: store.productsAtOrBefore,
          count: store.productsCount
        })
      },
      orders (_, { first, after }, { user }) {
        if (user === null) throw notAuthenticated()
        const size = pageSize(first)
        const afterKey = decodeCursor('Query.orders', after)
        const customerKey = user.role === 'ADMIN' ? null : user.id
        return connection('Query.orders', store.orders(customerKey, afterKey, size + 1), size, afterKey, {
          atOrBefore: (key) => store.ordersAtOrBefore(customerKey, key),
          count: () => store.ordersCount(customerKey)
        })
      }
    },
    Mutation: {
      placeOrder (_, { input }, { user }) {
        if (user === null) throw notAuthenticated()
        const lines = mergeLines(input.items)
        const placed = store.placeOrder(user.id, lines, validateLines)
        if (placed.errors) return { order: null, errors: placed.errors }
        if (placed.short) {
          return { order: null, errors: placed.short.sort((a, b) => a.index - b.index).map(outOfStock) }
        }
        return { order: placed.order, errors: null }
      }
    },
    ProductsConnection: connectionFields,
    OrdersConnection: connectionFields
  }

  // Per-request batches (see batch.mjs): one statement per field and depth, each key once.
  resolvers.Order = {
    customer: (order, _, { batches }) => batches.users.load(order.customerKey),
    items: (order, _, { batches }) => batches.items.load(order.key)
  }
  resolvers.OrderItem = {
    product: (item, _, { batches }) => batches.products.load(item.productKey)
  }

  /** The batches of one request; nothing outlives it. */
  const createBatches = () => ({
    users: new Batch(store.usersByKeys, null),
    items: new Batch(store.itemsByOrders, []),
    products: new Batch(store.productsByKeys, null)
  })

  return { resolvers, createBatches }
}
