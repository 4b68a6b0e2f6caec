/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query AgencyHome {\n  viewer {\n    organisation {\n      id\n      name\n      market\n    }\n    agency {\n      id\n      name\n      markets\n      contactEmail\n      website\n    }\n  }\n}": typeof types.AgencyHomeDocument,
    "query CreatorHome {\n  viewer {\n    creator {\n      id\n      handle\n      displayName\n      avatarUrl\n      followers\n      market\n      categories\n      bio\n    }\n  }\n}": typeof types.CreatorHomeDocument,
    "subscription NotificationReceived {\n  notificationReceived {\n    id\n    kind\n    title\n    body\n    createdAt\n    readAt\n  }\n}": typeof types.NotificationReceivedDocument,
    "mutation NotificationsMarkRead($ids: [ID!]) {\n  notificationsMarkRead(input: {ids: $ids}) {\n    unreadCount\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": typeof types.NotificationsMarkReadDocument,
    "query RecentNotifications($first: Int = 10, $after: String, $unreadOnly: Boolean = false) {\n  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        kind\n        title\n        body\n        createdAt\n        readAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.RecentNotificationsDocument,
    "query PlatformOverview {\n  platformOverview {\n    agencies\n    shops\n    creators\n    products\n    users\n    campaigns\n  }\n}": typeof types.PlatformOverviewDocument,
    "query SellerProducts($first: Int = 20, $after: String, $search: String) {\n  products(first: $first, after: $after, search: $search) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        title\n        category\n        imageUrl\n        price {\n          amount\n          currency\n        }\n        stock\n        skuCount\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.SellerProductsDocument,
    "query SellerShop {\n  viewer {\n    shop {\n      id\n      name\n      shopCode\n      market\n      sellerType\n      rating\n      contactEmail\n    }\n  }\n}": typeof types.SellerShopDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    viewer {\n      role\n      user {\n        id\n      }\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": typeof types.LoginDocument,
    "mutation Logout {\n  logout {\n    ok\n  }\n}": typeof types.LogoutDocument,
    "query Viewer {\n  viewer {\n    role\n    unreadNotificationCount\n    user {\n      id\n      email\n      fullName\n    }\n    organisation {\n      id\n      kind\n      name\n      market\n    }\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "query AgencyHome {\n  viewer {\n    organisation {\n      id\n      name\n      market\n    }\n    agency {\n      id\n      name\n      markets\n      contactEmail\n      website\n    }\n  }\n}": types.AgencyHomeDocument,
    "query CreatorHome {\n  viewer {\n    creator {\n      id\n      handle\n      displayName\n      avatarUrl\n      followers\n      market\n      categories\n      bio\n    }\n  }\n}": types.CreatorHomeDocument,
    "subscription NotificationReceived {\n  notificationReceived {\n    id\n    kind\n    title\n    body\n    createdAt\n    readAt\n  }\n}": types.NotificationReceivedDocument,
    "mutation NotificationsMarkRead($ids: [ID!]) {\n  notificationsMarkRead(input: {ids: $ids}) {\n    unreadCount\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": types.NotificationsMarkReadDocument,
    "query RecentNotifications($first: Int = 10, $after: String, $unreadOnly: Boolean = false) {\n  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        kind\n        title\n        body\n        createdAt\n        readAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.RecentNotificationsDocument,
    "query PlatformOverview {\n  platformOverview {\n    agencies\n    shops\n    creators\n    products\n    users\n    campaigns\n  }\n}": types.PlatformOverviewDocument,
    "query SellerProducts($first: Int = 20, $after: String, $search: String) {\n  products(first: $first, after: $after, search: $search) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        title\n        category\n        imageUrl\n        price {\n          amount\n          currency\n        }\n        stock\n        skuCount\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.SellerProductsDocument,
    "query SellerShop {\n  viewer {\n    shop {\n      id\n      name\n      shopCode\n      market\n      sellerType\n      rating\n      contactEmail\n    }\n  }\n}": types.SellerShopDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    viewer {\n      role\n      user {\n        id\n      }\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": types.LoginDocument,
    "mutation Logout {\n  logout {\n    ok\n  }\n}": types.LogoutDocument,
    "query Viewer {\n  viewer {\n    role\n    unreadNotificationCount\n    user {\n      id\n      email\n      fullName\n    }\n    organisation {\n      id\n      kind\n      name\n      market\n    }\n  }\n}": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AgencyHome {\n  viewer {\n    organisation {\n      id\n      name\n      market\n    }\n    agency {\n      id\n      name\n      markets\n      contactEmail\n      website\n    }\n  }\n}"): (typeof documents)["query AgencyHome {\n  viewer {\n    organisation {\n      id\n      name\n      market\n    }\n    agency {\n      id\n      name\n      markets\n      contactEmail\n      website\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreatorHome {\n  viewer {\n    creator {\n      id\n      handle\n      displayName\n      avatarUrl\n      followers\n      market\n      categories\n      bio\n    }\n  }\n}"): (typeof documents)["query CreatorHome {\n  viewer {\n    creator {\n      id\n      handle\n      displayName\n      avatarUrl\n      followers\n      market\n      categories\n      bio\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription NotificationReceived {\n  notificationReceived {\n    id\n    kind\n    title\n    body\n    createdAt\n    readAt\n  }\n}"): (typeof documents)["subscription NotificationReceived {\n  notificationReceived {\n    id\n    kind\n    title\n    body\n    createdAt\n    readAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation NotificationsMarkRead($ids: [ID!]) {\n  notificationsMarkRead(input: {ids: $ids}) {\n    unreadCount\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"): (typeof documents)["mutation NotificationsMarkRead($ids: [ID!]) {\n  notificationsMarkRead(input: {ids: $ids}) {\n    unreadCount\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecentNotifications($first: Int = 10, $after: String, $unreadOnly: Boolean = false) {\n  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        kind\n        title\n        body\n        createdAt\n        readAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query RecentNotifications($first: Int = 10, $after: String, $unreadOnly: Boolean = false) {\n  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        kind\n        title\n        body\n        createdAt\n        readAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PlatformOverview {\n  platformOverview {\n    agencies\n    shops\n    creators\n    products\n    users\n    campaigns\n  }\n}"): (typeof documents)["query PlatformOverview {\n  platformOverview {\n    agencies\n    shops\n    creators\n    products\n    users\n    campaigns\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SellerProducts($first: Int = 20, $after: String, $search: String) {\n  products(first: $first, after: $after, search: $search) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        title\n        category\n        imageUrl\n        price {\n          amount\n          currency\n        }\n        stock\n        skuCount\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query SellerProducts($first: Int = 20, $after: String, $search: String) {\n  products(first: $first, after: $after, search: $search) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        title\n        category\n        imageUrl\n        price {\n          amount\n          currency\n        }\n        stock\n        skuCount\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SellerShop {\n  viewer {\n    shop {\n      id\n      name\n      shopCode\n      market\n      sellerType\n      rating\n      contactEmail\n    }\n  }\n}"): (typeof documents)["query SellerShop {\n  viewer {\n    shop {\n      id\n      name\n      shopCode\n      market\n      sellerType\n      rating\n      contactEmail\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    viewer {\n      role\n      user {\n        id\n      }\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"): (typeof documents)["mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    viewer {\n      role\n      user {\n        id\n      }\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout {\n  logout {\n    ok\n  }\n}"): (typeof documents)["mutation Logout {\n  logout {\n    ok\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    role\n    unreadNotificationCount\n    user {\n      id\n      email\n      fullName\n    }\n    organisation {\n      id\n      kind\n      name\n      market\n    }\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    role\n    unreadNotificationCount\n    user {\n      id\n      email\n      fullName\n    }\n    organisation {\n      id\n      kind\n      name\n      market\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;