import type { Kysely } from 'kysely';
import type { Database, ListingsTable } from '../../db/schema.ts';

export type ListingsRepo = ReturnType<typeof createListingsRepo>;

export function createListingsRepo(db: Kysely<Database>) {
  const published = () => db.selectFrom('listings').where('status', '=', 'published');
  return {
    listPublished: (offset: number, limit: number) =>
      published().selectAll().orderBy('published_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    countPublished: async () =>
      Number((await published().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    stats: async () => {
      const row = await published()
        .select((eb) => [
          eb.fn.countAll().as('listings'),
          eb.fn.count('province').distinct().as('provinces'),
          eb.fn.count('industry').distinct().as('industries'),
        ])
        .executeTakeFirstOrThrow();
      return { listings: Number(row.listings), provinces: Number(row.provinces), industries: Number(row.industries) };
    },
    insertMany: async (rows: ListingsTable[]) => {
      for (let i = 0; i < rows.length; i += 200) await db.insertInto('listings').values(rows.slice(i, i + 200)).execute();
    },
  };
}
