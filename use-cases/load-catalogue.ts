// The stored approval-item catalogue. The shipped one (domain/catalogue/approval-catalogue.ts) is
// written the first time it is needed; after that the admins' edits rule. Retired items are
// kept inactive, never deleted, so the table never looks empty again.
import type { CatalogueItem } from '../generated/prisma/client.js';
import type { Tx } from '../prisma/open-database.js';
import { approvalCatalogue } from '../domain/catalogue/approval-catalogue.js';

export async function loadCatalogue(tx: Tx): Promise<CatalogueItem[]> {
  if ((await tx.catalogueItem.count()) === 0) {
    // Two instances may seed at once: the codes are the key, so the second adds nothing.
    await tx.catalogueItem.createMany({
      skipDuplicates: true,
      data: approvalCatalogue.map((entry) => ({
        code: entry.code,
        name: entry.name,
        aliases: entry.aliases,
        phase: entry.phase,
        unitNames: entry.units,
        materials: entry.materials,
        promisedDays: entry.promisedDays,
        core: entry.core,
      })),
    });
  }
  return tx.catalogueItem.findMany({ where: { active: true }, orderBy: [{ phase: 'asc' }, { code: 'asc' }] });
}
