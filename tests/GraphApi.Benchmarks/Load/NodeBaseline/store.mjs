// The app's SQLite file through better-sqlite3: prepared statements only, rows mapped once into the shapes the
// schema's default resolvers read. Money is stored in cents (the app's MoneyConverter), times as EF Core's
// "yyyy-MM-dd HH:mm:ss.FFFFFFF" UTC text, enums as ints.
import Database from 'better-sqlite3'

const ORDER_STATUS = ['PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED']
const PENDING = 0
const ROLE = ['CUSTOMER', 'ADMIN']

export const globalId = (type, key) => Buffer.from(`${type}:${key}`, 'utf8').toString('base64')

const product = (r) => ({
  key: r.Id,
  id: globalId('Product', r.Id),
  sku: r.Sku,
  name: r.Name,
  description: r.Description,
  price: r.Price / 100,
  stock: r.Stock,
  createdAt: r.CreatedAt
})

const user = (r) => ({
  key: r.Id,
  id: globalId('User', r.Id),
  username: r.Username,
  role: ROLE[r.Role],
  createdAt: r.CreatedAt
})

const order = (r) => ({
  key: r.Id,
  id: globalId('Order', r.Id),
  customerKey: r.CustomerId,
  status: ORDER_STATUS[r.Status],
  total: r.Total / 100,
  createdAt: r.CreatedAt,
  updatedAt: r.UpdatedAt
})

const item = (r) => ({
  orderKey: r.OrderId,
  productKey: r.ProductId,
  quantity: r.Quantity,
  unitPrice: r.UnitPrice / 100,
  lineTotal: (r.UnitPrice * r.Quantity) / 100
})

/** EF Core's SQLite text for a UTC instant with millisecond precision (trailing zeros of the fraction dropped). */
export function storedTime (date) {
  const iso = date.toISOString() // 2026-11-29T21:30:00.120Z
  const fraction = iso.slice(20, 23).replace(/0+$/, '')
  return iso.slice(0, 10) + ' ' + iso.slice(11, 19) + (fraction ? '.' + fraction : '')
}

export function openStore (path) {
  const db = new Database(path, { fileMustExist: true })
  db.pragma('busy_timeout = 5000') // the app's server may hold the write lock
  db.pragma('journal_mode = WAL') // already set by the app; a no-op that keeps the assumption explicit
  db.pragma('synchronous = NORMAL') // per connection, as the app sets it on each of its own

  // Batches come in as a JSON array of keys: one statement for any batch size.
  const inKeys = 'IN (SELECT value FROM json_each(?))'
  const orderColumns = 'Id, CustomerId, Status, Total, CreatedAt, UpdatedAt'
  const s = {
    productsFirst: db.prepare('SELECT Id, Sku, Name, Description, Price, Stock, CreatedAt, UpdatedAt FROM Products ORDER BY Id LIMIT ?'),
    productsAfter: db.prepare('SELECT Id, Sku, Name, Description, Price, Stock, CreatedAt, UpdatedAt FROM Products WHERE Id > ? ORDER BY Id LIMIT ?'),
    productsAtOrBefore: db.prepare('SELECT EXISTS (SELECT 1 FROM Products WHERE Id <= ?)').pluck(),
    productsCount: db.prepare('SELECT COUNT(*) FROM Products').pluck(),
    productsByKeys: db.prepare(`SELECT Id, Sku, Name, Description, Price, Stock, CreatedAt, UpdatedAt FROM Products WHERE Id ${inKeys}`),

    // Admins see every order, a customer their own: separate statements so each gets its own plan.
    ordersFirst: db.prepare(`SELECT ${orderColumns} FROM Orders ORDER BY Id LIMIT ?`),
    ordersAfter: db.prepare(`SELECT ${orderColumns} FROM Orders WHERE Id > ? ORDER BY Id LIMIT ?`),
    ordersAtOrBefore: db.prepare('SELECT EXISTS (SELECT 1 FROM Orders WHERE Id <= ?)').pluck(),
    ordersCount: db.prepare('SELECT COUNT(*) FROM Orders').pluck(),
    ownOrdersFirst: db.prepare(`SELECT ${orderColumns} FROM Orders WHERE CustomerId = ? ORDER BY Id LIMIT ?`),
    ownOrdersAfter: db.prepare(`SELECT ${orderColumns} FROM Orders WHERE CustomerId = ? AND Id > ? ORDER BY Id LIMIT ?`),
    ownOrdersAtOrBefore: db.prepare('SELECT EXISTS (SELECT 1 FROM Orders WHERE CustomerId = ? AND Id <= ?)').pluck(),
    ownOrdersCount: db.prepare('SELECT COUNT(*) FROM Orders WHERE CustomerId = ?').pluck(),
    itemsByOrders: db.prepare(`SELECT Id, OrderId, ProductId, Quantity, UnitPrice FROM OrderItems WHERE OrderId ${inKeys} ORDER BY Id`),
    usersByKeys: db.prepare(`SELECT Id, Username, Role, CreatedAt FROM Users WHERE Id ${inKeys}`),

    takeStock: db.prepare('UPDATE Products SET Stock = Stock - ?, UpdatedAt = ? WHERE Id = ? AND Stock >= ?'),
    stockByKeys: db.prepare(`SELECT Id, Stock FROM Products WHERE Id ${inKeys}`),
    insertOrder: db.prepare('INSERT INTO Orders (CustomerId, Status, Total, CreatedAt, UpdatedAt, Version) VALUES (?, ?, ?, ?, ?, 0) RETURNING Id').pluck(),
    insertItem: db.prepare('INSERT INTO OrderItems (OrderId, ProductId, Quantity, UnitPrice) VALUES (?, ?, ?, ?)')
  }

  const byKey = (rows, map) => {
    const found = new Map()
    for (const row of rows) found.set(row.Id, map(row))
    return found
  }

  /** A validation failure or a short line rolls the whole transaction back by throwing this. */
  class Rollback extends Error {
    constructor (result) { super('rollback'); this.result = result }
  }

  // BEGIN IMMEDIATE: take the write lock up front, so a concurrent writer makes us wait (busy_timeout) instead of
  // failing a read-to-write upgrade half way.
  const placeTransaction = db.transaction((customerKey, lines, validate, now) => {
    const prices = new Map()
    for (const row of s.productsByKeys.all(JSON.stringify(lines.map((l) => l.productKey)))) prices.set(row.Id, row.Price)
    const errors = validate(lines, prices)
    if (errors.length > 0) throw new Rollback({ errors })

    const stamp = storedTime(now)
    const short = []
    for (const line of [...lines].sort((a, b) => a.productKey - b.productKey)) {
      if (s.takeStock.run(line.quantity, stamp, line.productKey, line.quantity).changes === 0) short.push(line)
    }
    if (short.length > 0) {
      const stock = new Map(s.stockByKeys.all(JSON.stringify(short.map((l) => l.productKey))).map((r) => [r.Id, r.Stock]))
      throw new Rollback({ short: short.map((l) => ({ ...l, available: stock.get(l.productKey) ?? 0 })) })
    }

    let totalCents = 0
    for (const line of lines) totalCents += prices.get(line.productKey) * line.quantity
    const orderKey = s.insertOrder.get(customerKey, PENDING, totalCents, stamp, stamp)
    for (const line of lines) s.insertItem.run(orderKey, line.productKey, line.quantity, prices.get(line.productKey))
    return {
      order: order({ Id: orderKey, CustomerId: customerKey, Status: PENDING, Total: totalCents, CreatedAt: stamp, UpdatedAt: stamp })
    }
  })

  return {
    /** Up to `limit` products after the key `afterKey` (or from the start), in key order. */
    products: (afterKey, limit) =>
      (afterKey === null ? s.productsFirst.all(limit) : s.productsAfter.all(afterKey, limit)).map(product),
    productsAtOrBefore: (key) => s.productsAtOrBefore.get(key) === 1,
    productsCount: () => s.productsCount.get(),
    productsByKeys: (keys) => byKey(s.productsByKeys.all(JSON.stringify(keys)), product),

    /** Orders in key order; `customerKey` null for all (admins), else that customer's. */
    orders: (customerKey, afterKey, limit) =>
      (customerKey === null
        ? (afterKey === null ? s.ordersFirst.all(limit) : s.ordersAfter.all(afterKey, limit))
        : (afterKey === null ? s.ownOrdersFirst.all(customerKey, limit) : s.ownOrdersAfter.all(customerKey, afterKey, limit))
      ).map(order),
    ordersAtOrBefore: (customerKey, key) =>
      (customerKey === null ? s.ordersAtOrBefore.get(key) : s.ownOrdersAtOrBefore.get(customerKey, key)) === 1,
    ordersCount: (customerKey) => customerKey === null ? s.ordersCount.get() : s.ownOrdersCount.get(customerKey),
    itemsByOrders: (keys) => {
      const groups = new Map()
      for (const row of s.itemsByOrders.all(JSON.stringify(keys))) {
        const group = groups.get(row.OrderId)
        if (group) group.push(item(row)); else groups.set(row.OrderId, [item(row)])
      }
      return groups
    },
    usersByKeys: (keys) => byKey(s.usersByKeys.all(JSON.stringify(keys)), user),

    /**
     * Places an order in one transaction: read the products' prices, take stock with conditional UPDATEs in key
     * order, insert the order (PENDING, total = Σ price × quantity) and its lines. `validate(lines, pricesByKey)`
     * returns the errors that stop it before any write. Returns `{ order }`, or `{ errors }` / `{ short }` after
     * a rollback.
     */
    placeOrder: (customerKey, lines, validate, now = new Date()) => {
      try {
        return placeTransaction.immediate(customerKey, lines, validate, now)
      } catch (error) {
        if (error instanceof Rollback) return error.result
        throw error
      }
    },

    close: () => db.close()
  }
}
