import { Type } from 'typebox';
import { Metadata, Nullable } from './common.js';

/**
 * The customer a client-side answer shows: who it is, and only the details the storefront's own
 * request gave (see client-presenter.ts). Voucherify's full customer object is server-side only.
 */
export const ClientCustomerObject = Type.Object(
  {
    id: Type.String(),
    source_id: Nullable(Type.String()),
    name: Type.Optional(Nullable(Type.String())),
    description: Type.Optional(Nullable(Type.String())),
    email: Type.Optional(Nullable(Type.String())),
    phone: Type.Optional(Nullable(Type.String())),
    birthdate: Type.Optional(Nullable(Type.String())),
    birthday: Type.Optional(Nullable(Type.String())),
    address: Type.Optional(Nullable(Type.Record(Type.String(), Nullable(Type.String())))),
    metadata: Metadata,
    object: Type.Literal('customer'),
  },
  { $id: 'ClientCustomer' },
);
