import { Type } from 'typebox';
import { STACKING_RULES_TYPES } from '../../domain/stacking/stacking-rules.js';
import { Nullable, StringEnum, Timestamp } from './common.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Hierarchy = Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Lower applies first; default 1' });

export const CategoryCreateBody = Type.Object({
  name: Name,
  hierarchy: Type.Optional(Nullable(Hierarchy)),
});

/** Absent or null fields stay as they are. */
export const CategoryUpdateBody = Type.Object({
  name: Type.Optional(Nullable(Name)),
  hierarchy: Type.Optional(Nullable(Hierarchy)),
});

export const CategoryObject = Type.Object({
  id: Type.String(),
  name: Type.String(),
  hierarchy: Type.Integer(),
  created_at: Timestamp,
  updated_at: Type.Optional(Timestamp),
  object: Type.Literal('category'),
  stacking_rules_type: Type.Optional(
    StringEnum(STACKING_RULES_TYPES, { description: "Set when the project's stacking rules list the category" }),
  ),
});
