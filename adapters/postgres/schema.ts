/**
 * The PostgreSQL schema, created and migrated by the bot at start: each migration runs once, in order,
 * in one transaction with the bump of `schema_version`, under an advisory lock so that replicas
 * starting together do not race. Passages keep the project's analyzed terms (the same analyzer as
 * the in-memory engine, so that a term means the same thing on both backends) per field, and a
 * generated `tsvector` weighs them: A the passage text, B its heading, C its document's title line,
 * through a text search configuration that folds accents (`unaccent`) and does not stem again.
 * `vocabulary` holds every indexed term with its document frequency, trigram-indexed (`pg_trgm`) for
 * near spellings. `corpus_state` holds the corpus's fingerprint, its passage count and each field's
 * mean length in terms.
 */
import type { PoolClient } from 'pg';

/** Bump by adding a migration at the end; never edit one that has shipped. */
export const MIGRATIONS: readonly string[] = [
  `create extension if not exists unaccent;
   create extension if not exists pg_trgm;
   create or replace function bc_unaccent(text) returns text language sql immutable parallel safe strict
     as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;
   do $$ begin
     if not exists (select 1 from pg_ts_config where cfgname = 'backchannel_terms' and cfgnamespace = current_schema()::regnamespace) then
       create text search configuration backchannel_terms (copy = simple);
       alter text search configuration backchannel_terms alter mapping for asciiword, word, numword, int, uint, float, hword, hword_part, hword_asciipart, asciihword, numhword, hword_numpart with unaccent, simple;
     end if;
   end $$;
   create table passages (
     ordinal integer primary key,
     id text not null unique,
     doc_id text not null,
     passage jsonb not null,
     is_comment boolean not null,
     text_terms text not null,
     heading_terms text not null,
     title_terms text not null,
     terms text[] not null,
     tsv tsvector generated always as (
       setweight(to_tsvector('backchannel_terms', bc_unaccent(text_terms)), 'A') ||
       setweight(to_tsvector('backchannel_terms', bc_unaccent(heading_terms)), 'B') ||
       setweight(to_tsvector('backchannel_terms', bc_unaccent(title_terms)), 'C')
     ) stored
   );
   create index passages_tsv on passages using gin (tsv);
   create table vocabulary (word text primary key, df integer not null);
   create index vocabulary_trgm on vocabulary using gin (word gin_trgm_ops);
   create table corpus_state (one boolean primary key default true check (one), passages integer not null, fingerprint text not null, loaded_at timestamptz not null);`,
  // Each field's mean length in terms, which BM25 weighs a passage's length against (see retrieve.ts).
  `alter table corpus_state add column text_length real not null default 0, add column heading_length real not null default 0, add column title_length real not null default 0;
   update corpus_state set
     text_length = coalesce((select avg(cardinality(string_to_array(text_terms, ' '))) from passages), 0),
     heading_length = coalesce((select avg(cardinality(string_to_array(heading_terms, ' '))) from passages), 0),
     title_length = coalesce((select avg(cardinality(string_to_array(title_terms, ' '))) from passages), 0);`,
];

/** Brings the schema up to the latest migration; returns the version it is at. */
export async function migrate(client: PoolClient): Promise<number> {
  await client.query('begin');
  try {
    // One migrator at a time across replicas (the lock is released at commit or rollback).
    await client.query("select pg_advisory_xact_lock(hashtext('backchannel schema'))");
    await client.query('create table if not exists schema_version (version integer not null)');
    const { rows } = await client.query<{ version: number }>('select version from schema_version');
    let version = rows[0]?.version ?? 0;
    if (rows.length === 0) await client.query('insert into schema_version (version) values (0)');
    for (; version < MIGRATIONS.length; version += 1) await client.query(MIGRATIONS[version]!);
    await client.query('update schema_version set version = $1', [version]);
    await client.query('commit');
    return version;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}
