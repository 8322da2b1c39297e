// Reads a OneSeed shard directory with Arrow JS (an Arrow implementation independent of the C# one) and prints, as
// JSON, the index's checks and every value in the canonical text the C# tests use: bytes as lower-case hex, floats as
// their IEEE-754 bits in hex, integers in decimal, booleans as true/false, strings as they are, tensors as their
// elements joined by commas. Usage: node read_shards.mjs <directory>
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { tableFromIPC, Type } from 'apache-arrow';

const directory = process.argv[2];
const index = JSON.parse(readFileSync(join(directory, 'index.json'), 'utf8'));
const hex = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
const bits32 = (n) => (n >>> 0).toString(16).padStart(8, '0');
const bits64 = (n) => BigInt.asUintN(64, n).toString(16).padStart(16, '0');

// The elements [start, start + count) of a primitive Data, canonically; floats read as raw bits so NaN payloads survive.
function elements(data, start, count) {
  const values = data.values;
  const at = data.offset + start;
  switch (data.type.typeId) {
    case Type.Float: {
      if (data.type.precision === 1) {
        const raw = new Uint32Array(values.buffer, values.byteOffset, values.length);
        return Array.from(raw.subarray(at, at + count), bits32);
      }
      const raw = new BigUint64Array(values.buffer, values.byteOffset, values.length);
      return Array.from(raw.subarray(at, at + count), bits64);
    }
    default:
      return Array.from(values.subarray(at, at + count), (v) => v.toString());
  }
}

function value(data, row) {
  switch (data.type.typeId) {
    case Type.Binary: {
      const offsets = data.valueOffsets;
      return hex(data.values.subarray(offsets[data.offset + row], offsets[data.offset + row + 1]));
    }
    case Type.Utf8: {
      const offsets = data.valueOffsets;
      const bytes = data.values.subarray(offsets[data.offset + row], offsets[data.offset + row + 1]);
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    case Type.Bool: {
      const bit = data.offset + row;
      return ((data.values[bit >> 3] >> (bit & 7)) & 1) === 1 ? 'true' : 'false';
    }
    case Type.Int:
    case Type.Float:
      return elements(data, row, 1)[0];
    case Type.FixedSizeList: {
      const size = data.type.listSize;
      return elements(data.children[0], (data.offset + row) * size, size).join(',');
    }
    default:
      throw new Error(`unexpected Arrow type ${data.type}`);
  }
}

const shards = [];
const rows = [];
let schema = null;
for (const shard of index.shards) {
  const bytes = readFileSync(join(directory, shard.name));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const table = tableFromIPC(bytes);
  schema ??= table.schema.fields.map((f) => ({
    name: f.name,
    type: String(f.type),
    nullable: f.nullable,
    metadata: Object.fromEntries(f.metadata),
  }));
  shards.push({ name: shard.name, bytes: bytes.length, sha256, rows: table.numRows, batches: table.batches.length });
  for (const batch of table.batches) {
    const columns = table.schema.fields.map((f) => batch.getChild(f.name).data[0]);
    for (let r = 0; r < batch.numRows; r++) {
      rows.push(columns.map((data) => value(data, r)));
    }
  }
}

process.stdout.write(JSON.stringify({ samples: index.samples, schema, shards, rows }));
