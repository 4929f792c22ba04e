// Reading and replacing one file of a zip archive (a .docx is one), with node:zlib only: the
// central directory at the end gives each entry's name, method, sizes and offset.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
/** General-purpose flag bit 3: sizes and CRC follow the data instead of the local header. */
const DATA_DESCRIPTOR = 0x0008;

interface Entry {
  name: string;
  /** The central directory record, as read. */
  record: Buffer;
  method: number;
  compressedSize: number;
  size: number;
  /** Where the entry's compressed data starts. */
  dataStart: number;
}

function entries(zip: Buffer): Entry[] {
  // The end record is 22 bytes plus a comment of at most 64 KiB.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive');
  const out: Entry[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0, count = zip.readUInt16LE(end + 10); i < count; i += 1) {
    if (zip.readUInt32LE(at) !== CENTRAL_ENTRY) throw new Error('corrupt zip central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const length = 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_ENTRY) throw new Error('corrupt zip entry');
    out.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      record: zip.subarray(at, at + length),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      dataStart: local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28),
    });
    at += length;
  }
  return out;
}

/** The bytes of `name` in the zip `zip`; throws when it is not there or the archive is not a zip. */
export function readZipEntry(zip: Buffer, name: string): Buffer {
  const e = entries(zip).find((x) => x.name === name);
  if (!e) throw new Error(`${name} is not in the zip archive`);
  const data = zip.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) return Buffer.from(data);
  if (e.method !== 8) throw new Error(`unsupported zip compression method ${e.method}`);
  const out = inflateRawSync(data);
  if (out.length !== e.size) throw new Error(`corrupt zip entry ${name}`);
  return out;
}

/**
 * The zip with the file `name` holding `body` (deflated), every other entry copied as it was
 * compressed, in the same order. Native deflate: docx's pure-JavaScript zip took longer over a
 * large document.xml than writing the XML did.
 */
export function replaceZipEntry(zip: Buffer, name: string, body: Buffer): Buffer {
  const list = entries(zip);
  if (!list.some((e) => e.name === name)) throw new Error(`${name} is not in the zip archive`);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of list) {
    const replaced = e.name === name;
    const data = replaced ? deflateRawSync(body) : zip.subarray(e.dataStart, e.dataStart + e.compressedSize);
    const crc = replaced ? crc32(body) : e.record.readUInt32LE(16);
    const size = replaced ? body.length : e.size;
    const nameBytes = e.record.subarray(46, 46 + e.record.readUInt16LE(28));
    const flags = e.record.readUInt16LE(8) & ~DATA_DESCRIPTOR;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_ENTRY, 0);
    local.writeUInt16LE(e.record.readUInt16LE(6), 4); // version needed
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(replaced ? 8 : e.method, 8);
    local.writeUInt32LE(e.record.readUInt32LE(12), 10); // time and date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    e.record.copy(central, 0, 0, 46);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(replaced ? 8 : e.method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(0, 30); // no extra field
    central.writeUInt16LE(0, 32); // no comment
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(list.length, 8);
  end.writeUInt16LE(list.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
