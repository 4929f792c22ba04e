// Zip archives built by hand for the zip-limit tests: a real template with its sheet replaced by
// hundreds of megabytes of XML that deflate to a few hundred kilobytes, honestly declared or
// declared small (a directory that lies).
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

interface ZipEntry {
  name: string;
  /** Deflated bytes. */
  data: Buffer;
  crc: number;
  size: number;
  /** What the directory says the size is (default: the truth). */
  declaredSize?: number;
}

/** Every entry of an archive, inflated. */
export function readEntries(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer>();
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, z) => {
      if (err || !z) return reject(err);
      z.on('entry', (e: yauzl.Entry) =>
        z.openReadStream(e, (e2, s) => {
          if (e2 || !s) return reject(e2);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            out.set(e.fileName, Buffer.concat(chunks));
            z.readEntry();
          });
        }),
      );
      z.on('end', () => resolve(out));
      z.readEntry();
    });
  });
}

/** Deflates `repeat` copies of `unit` between `head` and `tail` without holding them inflated. */
export async function deflateRepeated(
  head: string,
  unit: string,
  repeat: number,
  tail: string,
): Promise<Omit<ZipEntry, 'name'>> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
  };
  await write(Buffer.from(head));
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length))));
  const perBlock = block.length / Buffer.byteLength(unit);
  for (let left = repeat; left > 0; left -= perBlock) {
    await write(left >= perBlock ? block : Buffer.from(unit.repeat(left)));
  }
  await write(Buffer.from(tail));
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc: crc >>> 0, size };
}

/** Deflates a small buffer. */
function deflated(body: Buffer): Omit<ZipEntry, 'name'> {
  return { data: deflateRawSync(body), crc: crc32(body) >>> 0, size: body.length };
}

/** A zip archive (deflate, no zip64) of the given entries. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * A copy of the workbook `template` whose first worksheet is replaced by `megabytes` MB of rows
 * (about 1,000:1 deflated). `declaredSize` makes its directory lie about that entry's size.
 */
export async function xlsxBomb(template: Buffer, megabytes: number, declaredSize?: number): Promise<Buffer> {
  const entries = await readEntries(template);
  const sheet =
    [...entries.keys()].find((n) => n === 'xl/worksheets/sheet1.xml') ??
    [...entries.keys()].find((n) => n.startsWith('xl/worksheets/'))!;
  const unit = '<row r="7"><c r="D7"><v>1</v></c></row>';
  const bomb = await deflateRepeated(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    unit,
    Math.floor((megabytes * (1 << 20)) / unit.length),
    '</sheetData></worksheet>',
  );
  const out: ZipEntry[] = [];
  for (const [name, body] of entries) {
    out.push(name === sheet ? { name, ...bomb, declaredSize } : { name, ...deflated(body) });
  }
  return writeZip(out);
}
