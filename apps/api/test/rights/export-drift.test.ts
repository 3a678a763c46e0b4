import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ZRightsExport } from '@sealbridge/contracts';
import { sql, type Kysely } from 'kysely';
import { buildExport } from '../../src/modules/rights/index.ts';
import {
  PERSONAL_FIELDS,
  PERSONAL_TABLE_RECORD_IDS,
  personalTables,
  recordIdColumns,
  type Subject,
} from '../../src/modules/vault/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** Values of every kind a registered field takes; each field is planted with the first its own rules accept. */
const SAMPLES = [
  '+8613812345678',
  'plant@example.cn',
  '11010519491231002X',
  '91350100M000100Y43',
  'wxid_plant01',
  'UExBTlQ=',
  '种植的文字 plant',
];
const ACTOR = { accountId: 'test', roles: ['buyer'], kind: 'customer' as const, sessionId: null };

/**
 * Plants one record in every table that holds a registered field, all under one subject, with every registered
 * field filled; foreign keys are suspended for the planting (parents are not the point). Record ids are the ones
 * `PERSONAL_TABLE_RECORD_IDS` declares, and a child table without a subject of its own hangs off a planted parent.
 */
async function plantEverywhere(t: TestApp, subject: Subject, tag: string): Promise<Map<string, string>> {
  const db = t.database.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const planted = new Map<string, string>();
  const tables = (await t.database.db.introspection.getTables()).filter(
    (x) => t.database.pgSchema === undefined || x.schema === t.database.pgSchema,
  );
  const rows: [string, Record<string, unknown>][] = [];
  for (const table of personalTables()) {
    const meta = tables.find((x) => x.name === table);
    assert.ok(meta, `${table} exists`);
    const idColumns = recordIdColumns(table);
    const row: Record<string, unknown> = {};
    for (const c of meta.columns) {
      if (c.isNullable && c.name !== 'subject_id') continue;
      row[c.name] = /int|bool|numeric|real/i.test(c.dataType) ? 0 : `plant-${tag}-${c.name}`;
    }
    if (meta.columns.some((c) => c.name === 'subject_id')) row['subject_id'] = subject.subjectId;
    for (const c of idColumns) row[c] = c === 'kind' ? 'seal' : `plant-${tag}`;
    const recordId = idColumns.map((c) => String(row[c])).join(':');
    const values: Record<string, string> = {};
    for (const f of PERSONAL_FIELDS.filter((x) => x.table === table)) {
      const sample = SAMPLES.map((s) => f.normalize(s)).find((v): v is string => v !== null);
      assert.ok(sample, `a sample fits ${f.key}`);
      values[f.field] = sample;
      planted.set(f.key, sample);
    }
    Object.assign(row, await t.app.services.vault.sealFields(subject, table, recordId, values));
    rows.push([table, row]);
  }
  if (t.database.dialect === 'sqlite') {
    await sql`PRAGMA foreign_keys = OFF`.execute(db);
    for (const [table, row] of rows) await db.insertInto(table).values(row).execute();
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  } else {
    await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      for (const [table, row] of rows) await trx.insertInto(table).values(row).execute();
    });
  }
  return planted;
}

for (const dialect of DIALECTS) {
  describe(`the rights export against the registry (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t.close());

    test('every table with a registered field declares how its records are named', () => {
      for (const table of personalTables()) assert.ok(PERSONAL_TABLE_RECORD_IDS[table], `${table} is declared in vault/personal-tables.ts`);
    });

    test('an export covers every registered field of a subject who has data in every module, with the planted values', async () => {
      const subject = await t.app.services.vault.createSubject('customer');
      const planted = await plantEverywhere(t, subject, 'a');
      const records = await t.app.services.vault.exportSubjects([subject.subjectId], ACTOR);
      const doc = ZRightsExport.parse(buildExport(records, { requestNo: 'RR-TEST', portable: true, at: new Date() }));
      assert.deepEqual(doc.fields.map((f) => f.key).sort(), PERSONAL_FIELDS.map((f) => f.key).sort());
      for (const f of PERSONAL_FIELDS) {
        const record = doc.records.find((r) => r.table === f.table);
        assert.equal(record?.values[f.field]?.value, planted.get(f.key), f.key);
      }
    });

    test('after erasure the same export shows every field as erased and no value', async () => {
      const subject = await t.app.services.vault.createSubject('customer');
      await plantEverywhere(t, subject, 'b');
      await t.app.services.vault.eraseSubject(subject.subjectId, { ...ACTOR, roles: ['privacy_officer'], kind: 'staff' }, 'RR-TEST');
      const doc = buildExport(await t.app.services.vault.exportSubjects([subject.subjectId], ACTOR), {
        requestNo: 'RR-TEST',
        portable: false,
        at: new Date(),
      });
      assert.ok(doc.records.length > 0);
      assert.ok(doc.records.every((r) => Object.values(r.values).every((v) => v.state !== 'present' && v.value === undefined)));
    });
  });
}
