import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A small reader of prisma/schema.prisma, enough to check the migrations against it. */
export interface ParsedColumn {
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  hasDefault: boolean;
}

export interface ParsedModel {
  table: string;
  columns: ParsedColumn[];
  /** Column lists of @@unique / @unique, @@index and @@id. */
  uniques: string[][];
  indexes: string[][];
  primaryKey: string[];
  /** FK column list → ON DELETE action. */
  onDelete: Map<string, string>;
}

export const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'prisma', 'schema.prisma');

export function parsePrismaSchema(text: string = readFileSync(SCHEMA_PATH, 'utf8')): { models: ParsedModel[]; enums: Map<string, string[]> } {
  const blocks = [...text.matchAll(/^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const enums = new Map<string, string[]>();
  for (const [, kind, name, body] of blocks) {
    if (kind !== 'enum') continue;
    const values = lines(body!).map((l) => /@map\("([^"]+)"\)/.exec(l)?.[1] ?? l.split(/\s+/)[0]!);
    enums.set(name!, values);
  }
  const modelNames = new Set(blocks.filter((b) => b[1] === 'model').map((b) => b[2]!));
  const models: ParsedModel[] = [];
  for (const [, kind, name, body] of blocks) {
    if (kind !== 'model') continue;
    const fieldToColumn = new Map<string, string>();
    const model: ParsedModel = { table: name!, columns: [], uniques: [], indexes: [], primaryKey: [], onDelete: new Map() };
    const relationLines: string[] = [];
    for (const line of lines(body!)) {
      if (line.startsWith('@@')) continue;
      const [field, rawType] = line.split(/\s+/) as [string, string];
      const baseType = rawType.replace(/[?[\]]/g, '');
      if (modelNames.has(baseType)) {
        relationLines.push(line);
        continue;
      }
      const column = /@map\("([^"]+)"\)/.exec(line)?.[1] ?? field;
      fieldToColumn.set(field, column);
      model.columns.push({ column, type: /@db\.Uuid\b/.test(line) ? 'Uuid' : baseType, optional: rawType.endsWith('?'), list: rawType.endsWith('[]'), hasDefault: /@default\(|@updatedAt/.test(line) });
      if (/@id\b/.test(line)) model.primaryKey = [column];
      if (/@unique\b/.test(line)) model.uniques.push([column]);
    }
    const cols = (list: string) => list.split(',').map((f) => fieldToColumn.get(f.trim()) ?? f.trim());
    for (const line of lines(body!)) {
      const attr = /^@@(\w+)\(\[([^\]]+)\]/.exec(line);
      if (attr) {
        if (attr[1] === 'unique') model.uniques.push(cols(attr[2]!));
        if (attr[1] === 'index') model.indexes.push(cols(attr[2]!));
        if (attr[1] === 'id') model.primaryKey = cols(attr[2]!);
      }
      const map = /^@@map\("([^"]+)"\)/.exec(line);
      if (map) model.table = map[1]!;
    }
    for (const line of relationLines) {
      const rel = /fields:\s*\[([^\]]+)\][^)]*onDelete:\s*(\w+)/.exec(line);
      if (rel) model.onDelete.set(cols(rel[1]!).join(','), rel[2]!);
    }
    models.push(model);
  }
  return { models, enums };
}

function lines(body: string): string[] {
  return body
    .split('\n')
    .map((l) => l.replace(/\/\/.*$/, '').trim())
    .filter(Boolean);
}
