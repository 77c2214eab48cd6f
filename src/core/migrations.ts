/**
 * File format migrations: one pure function per version step, over plain
 * JSON, chained by `migrate`. Version 1 is the first format, so the table is
 * empty; the next format change adds `1: (v1) => v2` here and an old file
 * under `tests/fixtures/` that proves it.
 */

/** A report file's JSON at some format version. */
export type ReportJson = Record<string, unknown>

/** `MIGRATIONS[n]` turns a version-n file into a version-(n+1) file. */
export const MIGRATIONS: Readonly<Record<number, (json: ReportJson) => ReportJson>> = {}

/** Brings a file's JSON from `from` up to `to`, one step at a time. */
export function migrate(
  json: ReportJson,
  from: number,
  to: number,
  migrations: Readonly<Record<number, (json: ReportJson) => ReportJson>> = MIGRATIONS
): ReportJson {
  let current = json
  for (let version = from; version < to; version++) {
    const step = migrations[version]
    if (!step) throw new Error(`No migration from file format ${version} to ${version + 1}`)
    current = { ...step(current), version: version + 1 }
  }
  return current
}
