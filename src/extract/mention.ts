// An entity mention as the matcher reports it: a catalog entity, or a name found by a family's version
// grammar that the catalog does not list yet.
import type { CatalogEntity } from "./compile.ts";
import type { EntityType } from "./types.ts";

export interface Mention {
  type: EntityType;
  start: number;
  end: number;
  /** Catalog entity, or undefined for a discovered name. */
  entity?: CatalogEntity;
  name: string;
  discovered: boolean;
  /** For discovered names: the family rule's attributes. */
  org?: string;
  family?: string;
  domestic?: boolean;
}
