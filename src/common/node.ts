import { Field, ID, InterfaceType } from "type-graphql";

/**
 * Relay's Node: every type with a global id implements it, so a client can refetch any object by id alone
 * (Query.node, Query.nodes). An object's GraphQL type is its class's name.
 */
@InterfaceType({
  description: "An object with a global id: refetch it with node(id:) or nodes(ids:).",
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: "Opaque global id." })
  id!: string;
}
