import { type TSchema, Type } from 'typebox';

/** A value or null: Voucherify accepts null to clear most optional fields. */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** A string from a closed set, validated with `enum` so a wrong value gets a clear message. */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export const Metadata = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Free-form key/value pairs',
});

/** A timestamp in ISO-8601 with milliseconds and `Z`, as every Vouch answer gives it. */
export const Timestamp = Type.String({ format: 'date-time' });

/** Text a client sends: bounded so no field can carry megabytes. */
export function Text(maxLength = 1000) {
  return Type.String({ maxLength });
}

export const ErrorObject = Type.Object(
  {
    code: Type.Integer({ description: 'The HTTP status' }),
    key: Type.String({ description: 'A stable snake_case error key' }),
    message: Type.String(),
    details: Type.Optional(Type.String()),
    request_id: Type.String(),
    resource_id: Type.Optional(Type.String()),
    resource_type: Type.Optional(Type.String()),
  },
  { $id: 'Error', description: "Voucherify's error object" },
);

export const AsyncActionCreated = Type.Object({ async_action_id: Type.String() });

/**
 * A source_id a client sends. Never empty: every upsert looks an object up by a source_id only
 * when it has one, so an empty one would be stored yet never found, and the second object that
 * claimed it would conflict on the unique index.
 */
export function SourceId() {
  return Type.String({ minLength: 1, maxLength: 500 });
}

/** Path parameter for resources addressed by id or source_id. */
export function IdParam<const N extends string>(name: N, description: string) {
  const param = Type.String({ minLength: 1, maxLength: 500, description });
  return Type.Object({ [name]: param } as Record<N, typeof param>);
}

/** The answer of a delete: 204 with no body. */
export const NoContent = Type.Unsafe<undefined>({ type: 'null', description: 'No content' });

/** A list wrapper: `{object:"list", data_ref, <data_ref>: [...], total}`. */
export function ListOf<T extends TSchema>(dataRef: string, item: T, extra: Record<string, TSchema> = {}) {
  return Type.Object({
    object: Type.Literal('list'),
    data_ref: Type.Literal(dataRef),
    [dataRef]: Type.Array(item),
    total: Type.Optional(Type.Integer()),
    has_more: Type.Optional(Type.Boolean()),
    more_starting_after: Type.Optional(Nullable(Type.String())),
    ...extra,
  });
}

/** The standard error answers every route may give, for the OpenAPI document. */
export const ErrorResponses = {
  400: Type.Ref('Error'),
  401: Type.Ref('Error'),
  404: Type.Ref('Error'),
  409: Type.Ref('Error'),
};
