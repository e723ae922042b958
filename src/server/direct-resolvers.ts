import { isAbstractType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema, type GraphQLTypeResolver } from "graphql";
import { getMetadataStorage } from "type-graphql";

type Param = NonNullable<ReturnType<typeof getMetadataStorage>["fieldResolvers"][number]["params"]>[number];

/**
 * Calls field resolvers without type-graphql's per-call wrapper where that wrapper changes nothing. The wrapper awaits
 * every argument (its validateArg is async even with validation off), so every field with an argument, such as each
 * text's `lang`, became a promise, and each call also sorts and maps its parameter list: on a campaign page, hundreds of
 * promises and a fifth of the CPU. A field qualifies when its resolver class method has neither roles nor middlewares
 * and takes only the root, the context, the info and arguments; a call takes the direct way when every argument value
 * is a scalar (nothing to convert into an input class) and the root is already of the method's type, else the
 * original wrapper's way. Either way the same method runs with the same values, so answers and errors are the same.
 */
export function callResolversDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const typeNames = new Map<unknown, string>(storage.objectTypes.map((t) => [t.target, t.name]));
  const instances = new Map<unknown, Record<string, (...args: unknown[]) => unknown>>();
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== "external" || resolver.roles !== undefined || (resolver.middlewares?.length ?? 0) > 0) continue;
    const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
    if (!params.every(isDirect)) continue;
    const typeName = typeNames.get(resolver.getObjectType?.());
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = type && isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    if (!field?.resolve) continue;
    const Target = resolver.target as new () => Record<string, (...args: unknown[]) => unknown>;
    // Resolver classes are stateless and built without arguments, as type-graphql's default container builds them.
    if (Target.length > 0) continue;
    let instance = instances.get(Target);
    if (!instance) instances.set(Target, (instance = new Target()));
    const method = instance[resolver.methodName];
    const self = instance;
    const wrapped = field.resolve as GraphQLFieldResolver<unknown, unknown>;
    const rootType = params.find((p) => p.kind === "root")?.getType?.() as (new () => unknown) | undefined;
    const argNames = params.flatMap((p) => (p.kind === "arg" ? [p.name] : []));
    field.resolve = (root, args: Record<string, unknown>, context, info) => {
      if (rootType && root != null && !(root instanceof rootType)) return wrapped(root, args, context, info);
      for (const name of argNames) {
        const value = args[name];
        if (value !== null && typeof value === "object") return wrapped(root, args, context, info);
      }
      // Up to three parameters (nearly every field) without an array of them per call.
      switch (params.length) {
        case 0:
          return method.call(self);
        case 1:
          return method.call(self, valueOf(params[0], root, args, context, info));
        case 2:
          return method.call(self, valueOf(params[0], root, args, context, info), valueOf(params[1], root, args, context, info));
        case 3:
          return method.call(
            self,
            valueOf(params[0], root, args, context, info),
            valueOf(params[1], root, args, context, info),
            valueOf(params[2], root, args, context, info),
          );
        default:
          return method.apply(
            self,
            params.map((p) => valueOf(p, root, args, context, info)),
          );
      }
    };
  }
  return schema;
}

/**
 * type-graphql wraps every interface's and union's resolveType in an async function, so each abstract value's type
 * arrives as a promise; graphql-jit (src/server/compiled-execution.ts) takes only a type's name. The same function
 * called directly: a name or a class (mapped to its type's name, as type-graphql's wrapper maps it), a promise only when
 * the declared function returns one.
 */
export function resolveTypesDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const typeNames = new Map<unknown, string>(storage.objectTypes.map((t) => [t.target, t.name]));
  const nameOf = (resolved: unknown) => (resolved == null || typeof resolved === "string" ? (resolved ?? undefined) : typeNames.get(resolved));
  for (const declared of [...storage.interfaceTypes, ...storage.unions]) {
    const type = schema.getType(declared.name);
    const resolveType = declared.resolveType as ((...args: unknown[]) => unknown) | undefined;
    if (!resolveType || !type || !isAbstractType(type)) continue;
    type.resolveType = ((value, context, info, abstractType) => {
      const resolved = resolveType(value, context, info, abstractType);
      return resolved instanceof Promise ? resolved.then(nameOf) : nameOf(resolved);
    }) as GraphQLTypeResolver<unknown, unknown>;
  }
  return schema;
}

/** A direct parameter's value in a call. */
function valueOf(param: Param, root: unknown, args: Record<string, unknown>, context: unknown, info: unknown): unknown {
  return param.kind === "root" ? root : param.kind === "context" ? context : param.kind === "info" ? info : args[(param as { name: string }).name];
}

function isDirect(param: Param): boolean {
  switch (param.kind) {
    case "root":
    case "context":
      return param.propertyName === undefined;
    case "info":
      return true;
    case "arg":
      // Validation is off (src/server/schema.ts); an argument's own validator would still need the wrapper.
      return param.validateFn === undefined && param.validateSettings === undefined;
    default:
      return false;
  }
}
