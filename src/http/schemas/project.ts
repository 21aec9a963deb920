import { Type } from 'typebox';
import { CLIENT_METADATA_OBJECTS } from '../../domain/projects/client-metadata.js';
import { Nullable, StringEnum, Text, Timestamp } from './common.js';

const Notifications = Type.Record(Type.String(), Type.Unknown());

/** Per object, the metadata keys storefronts never see; `*` hides them all. */
const HiddenClientMetadata = Type.Object(
  Object.fromEntries(
    CLIENT_METADATA_OBJECTS.map((object) => [object, Type.Optional(Type.Array(Text(200), { maxItems: 500 }))]),
  ),
  {
    additionalProperties: false,
    description: 'Metadata keys that client-side answers leave out, by object (Vouch setting); "*" hides every key',
  },
);

/** Settings a project create or update may set. */
export const ProjectSettingsFields = {
  description: Type.Optional(Nullable(Text(2000))),
  timezone: Type.Optional(Text(100)),
  currency: Type.Optional(Type.String({ minLength: 3, maxLength: 3 })),
  dial_code: Type.Optional(Nullable(Text(10))),
  webhook_version: Type.Optional(StringEnum(['v2024-01-01'] as const)),
  client_trusted_domains: Type.Optional(Type.Array(Text(500), { maxItems: 200 })),
  client_redeem_enabled: Type.Optional(Type.Boolean()),
  client_publish_enabled: Type.Optional(Type.Boolean()),
  client_list_vouchers_enabled: Type.Optional(Type.Boolean()),
  client_create_customer_enabled: Type.Optional(Type.Boolean()),
  client_loyalty_events_enabled: Type.Optional(Type.Boolean()),
  client_set_voucher_expiration_date_enabled: Type.Optional(Type.Boolean()),
  client_hidden_metadata: Type.Optional(HiddenClientMetadata),
  webhooks_callout_notifications: Type.Optional(Nullable(Notifications)),
  api_usage_notifications: Type.Optional(Nullable(Notifications)),
  default_code_config: Type.Optional(Nullable(Type.Object({ charset: Type.Optional(Nullable(Text(500))) }))),
};

/** A project must be called something: the dashboard and the management list show it. */
const ProjectName = Type.String({ minLength: 1, maxLength: 200 });

export const ProjectCreateBody = Type.Object({
  name: ProjectName,
  ...ProjectSettingsFields,
  case_sensitive_codes: Type.Optional(Type.Boolean()),
  cluster_id: Type.Optional(Text(100)),
  api_version: Type.Optional(StringEnum(['v2018-08-01'] as const)),
  users: Type.Optional(
    Type.Array(Type.Object({ id: Type.Optional(Text(200)), login: Type.Optional(Text(320)), role: Text(100) })),
  ),
});

export const ProjectUpdateBody = Type.Object({ name: Type.Optional(ProjectName), ...ProjectSettingsFields });

const Key = Type.Object({ app_id: Type.String(), app_token: Type.String() });

export const ProjectObject = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Nullable(Type.String()),
    timezone: Type.String(),
    currency: Type.String(),
    dial_code: Nullable(Type.String()),
    case_sensitive_codes: Type.Boolean(),
    client_trusted_domains: Type.Array(Type.String()),
    client_redeem_enabled: Type.Boolean(),
    client_publish_enabled: Type.Boolean(),
    client_list_vouchers_enabled: Type.Boolean(),
    client_create_customer_enabled: Type.Boolean(),
    client_loyalty_events_enabled: Type.Boolean(),
    client_set_voucher_expiration_date_enabled: Type.Boolean(),
    client_hidden_metadata: HiddenClientMetadata,
    webhook_version: Type.String(),
    api_version: Type.String(),
    cluster_id: Type.String(),
    is_sandbox: Type.Boolean(),
    webhook_token: Type.String(),
    created_at: Timestamp,
    updated_at: Nullable(Timestamp),
    object: Type.Literal('project'),
    server_side_key: Type.Optional(Key),
    client_side_key: Type.Optional(Key),
  },
  { $id: 'Project', additionalProperties: true },
);
