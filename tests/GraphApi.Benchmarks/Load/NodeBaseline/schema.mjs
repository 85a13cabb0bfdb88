// The subset of the app's SDL (schema/*.graphql) that the load run's S1–S3 reach, with the same type and field
// names, connection shape and payload unions.
export const schema = /* GraphQL */ `
  scalar DateTime
  scalar Decimal

  interface Node { id: ID! }
  interface Error { message: String! }

  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  enum Role { CUSTOMER ADMIN }
  enum OrderStatus { PENDING PAID SHIPPED DELIVERED CANCELLED }

  type User implements Node {
    id: ID!
    username: String!
    role: Role!
    createdAt: DateTime!
  }

  type Product implements Node {
    id: ID!
    sku: String!
    name: String!
    description: String
    price: Decimal!
    stock: Int!
    createdAt: DateTime!
  }

  type ProductsConnection {
    pageInfo: PageInfo!
    edges: [ProductsEdge!]
    nodes: [Product!]
    totalCount: Int!
  }

  type ProductsEdge { cursor: String! node: Product! }

  type Order implements Node {
    id: ID!
    customer: User!
    status: OrderStatus!
    items: [OrderItem!]!
    total: Decimal!
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  type OrderItem {
    product: Product!
    quantity: Int!
    unitPrice: Decimal!
    lineTotal: Decimal!
  }

  type OrdersConnection {
    pageInfo: PageInfo!
    edges: [OrdersEdge!]
    nodes: [Order!]
    totalCount: Int!
  }

  type OrdersEdge { cursor: String! node: Order! }

  type ValidationError implements Error { message: String! field: String! }
  type ProductNotFoundError implements Error { message: String! productId: ID! }
  type OutOfStockError implements Error { message: String! productId: ID! requested: Int! available: Int! }
  union PlaceOrderError = ProductNotFoundError | OutOfStockError | ValidationError

  input OrderLineInput { productId: ID! quantity: Int! }
  input PlaceOrderInput { items: [OrderLineInput!]! }
  type PlaceOrderPayload { order: Order errors: [PlaceOrderError!] }

  type Query {
    products(first: Int, after: String): ProductsConnection
    "All orders for admins; the caller's own for customers."
    orders(first: Int, after: String): OrdersConnection
  }

  type Mutation {
    placeOrder(input: PlaceOrderInput!): PlaceOrderPayload!
  }
`
