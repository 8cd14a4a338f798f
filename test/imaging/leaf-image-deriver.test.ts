import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadArchiveProfile } from '../../functions/adapters/ingest-files.ts';
import { declaredTiles } from '../../functions/core/iiif/image-3/declared-tiles.ts';
import { ingestExport } from '../../functions/core/ingest/ingest-export.ts';
import { sha256Hex } from '../../functions/core/records/record-fingerprint.ts';
import { SharpLeafImageDeriver } from '../../functions/imaging/leaf-image-deriver.ts';
import { documentPlaceholderSvg, leafReference, placeholderSvg, wrapText } from '../../functions/imaging/placeholder-svg.ts';
import type { RecordContent } from '../../schemas/record.ts';
import { ARCHIVE_PROFILE, EXPORT_110020, fixedClock, OVERLAY_110020, record110020 } from '../support/fixtures.ts';
import { MemoryBlobStore, MemoryRecordStore } from '../support/memory-stores.ts';

const deriver = new SharpLeafImageDeriver();

async function content(leaves?: RecordContent['images'][number]['leaf'][]): Promise<RecordContent> {
  const record: RecordContent = await record110020();
  const archival = record.source.archival;
  if (leaves && archival) return { ...record, source: { ...record.source, archival: { ...archival, leaves } } };
  return record;
}

/** Reads the directories of a classic little- or big-endian TIFF: an independent check of what sharp wrote. */
function tiffDirectories(bytes: Uint8Array): { width: number; height: number; compression: number; tileWidth: number; tileHeight: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = view.getUint16(0) === 0x4949;
  expect(view.getUint16(2, little)).toBe(42);
  const value = (entry: number) => (view.getUint16(entry + 2, little) === 3 ? view.getUint16(entry + 8, little) : view.getUint32(entry + 8, little));
  const directories = [];
  for (let offset = view.getUint32(4, little); offset !== 0; ) {
    const count = view.getUint16(offset, little);
    const tags = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      tags.set(view.getUint16(entry, little), value(entry));
    }
    directories.push({
      width: tags.get(256) ?? 0,
      height: tags.get(257) ?? 0,
      compression: tags.get(259) ?? 0,
      tileWidth: tags.get(322) ?? 0,
      tileHeight: tags.get(323) ?? 0,
    });
    offset = view.getUint32(offset + 2 + count * 12, little);
  }
  return directories;
}

describe('SharpLeafImageDeriver', () => {
  it('makes one image per leaf of the archival reference, a placeholder where no scan is held', async () => {
    const { images } = await deriver.derive(await content(), new Map());
    expect(images.map((image) => [image.id, image.placeholder, image.width, image.height])).toEqual([
      ['110020-l37', true, 1000, 1400],
      ['110020-l38', true, 1000, 1400],
      ['110020-l39', true, 1000, 1400],
      ['110020-l40', true, 1000, 1400],
    ]);
  });

  it('stores a tiled pyramidal TIFF with JPEG tiles whose pages halve, as recorded', async () => {
    const { images, objects } = await deriver.derive(await content([{ number: 37, reverse: false }]), new Map());
    const image = images[0];
    const pyramid = objects.find((o) => o.key.endsWith('.pyramid.tif'));
    if (!image || !pyramid) throw new Error('no pyramid');
    expect(sha256Hex(pyramid.body)).toBe(image.sha256);
    expect(pyramid.key).toBe(`images/110020/l37/${image.sha256}.pyramid.tif`);
    const directories = tiffDirectories(pyramid.body);
    expect(directories.map((d) => ({ width: d.width, height: d.height }))).toEqual(image.levels);
    expect(image.levels).toEqual([
      { width: 1000, height: 1400 },
      { width: 500, height: 700 },
      { width: 250, height: 350 },
    ]);
    for (const directory of directories) expect([directory.compression, directory.tileWidth, directory.tileHeight]).toEqual([7, 512, 512]);
    expect(image.tileSize).toBe(512);
  });

  it('makes the same bytes from the same input', async () => {
    const first = await deriver.derive(await content(), new Map());
    const second = await deriver.derive(await content(), new Map());
    expect(second.objects.map((o) => sha256Hex(o.body))).toEqual(first.objects.map((o) => sha256Hex(o.body)));
  });

  it('leaves a re-ingested unchanged export unchanged', async () => {
    const deps = {
      records: new MemoryRecordStore(),
      blobs: new MemoryBlobStore(),
      clock: fixedClock(),
      profile: await loadArchiveProfile(ARCHIVE_PROFILE),
      images: deriver,
    };
    const input = { fileName: '110020.txt', exportBytes: await readFile(EXPORT_110020), overlayBytes: await readFile(OVERLAY_110020) };
    expect((await ingestExport(input, deps)).status).toBe('created');
    expect((await ingestExport(input, deps)).status).toBe('unchanged');
  });

  it('uses the scan given for a leaf and keeps it byte for byte', async () => {
    const scan = await sharp({ create: { width: 640, height: 900, channels: 3, background: '#c8b89a' } })
      .jpeg()
      .toBuffer();
    const { images, objects } = await deriver.derive(
      await content([
        { number: 37, reverse: false },
        { number: 37, reverse: true },
      ]),
      new Map([['37ob.', new Uint8Array(scan)]]),
    );
    expect(images.map((image) => [image.id, image.placeholder, image.width, image.height])).toEqual([
      ['110020-l37', true, 1000, 1400],
      ['110020-l37ob', false, 640, 900],
    ]);
    const original = objects.find((o) => o.key === `images/110020/l37ob/${sha256Hex(scan)}.original.jpg`);
    expect(original?.contentType).toBe('image/jpeg');
    expect(Buffer.from(original?.body ?? []).equals(scan)).toBe(true);
  });

  it('finds a reverse-side scan named without the final dot', async () => {
    const scan = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const { images } = await deriver.derive(await content([{ number: 5, reverse: true }]), new Map([['5ob', new Uint8Array(scan)]]));
    expect(images[0]).toMatchObject({ id: '110020-l5ob', placeholder: false, width: 64 });
  });

  it('gives a scan smaller than a tile a single tile that libvips reads back', async () => {
    const scan = await sharp({ create: { width: 100, height: 60, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const { images, objects } = await deriver.derive(await content([{ number: 2, reverse: false }]), new Map([['2', new Uint8Array(scan)]]));
    expect(images[0]).toMatchObject({ tileSize: 112, levels: [{ width: 100, height: 60 }] });
    const pyramid = objects.find((o) => o.key.endsWith('.pyramid.tif'));
    expect(await sharp(pyramid?.body).png().toBuffer()).toBeInstanceOf(Buffer);
  });

  it('follows the EXIF orientation of a scan', async () => {
    const scan = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#ffffff' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const { images } = await deriver.derive(await content([{ number: 1, reverse: false }]), new Map([['1', new Uint8Array(scan)]]));
    expect([images[0]?.width, images[0]?.height]).toEqual([200, 300]);
  });

  it('makes one placeholder for the whole document, l0, when the reference names no leaves', async () => {
    const { images, objects } = await deriver.derive(await content([]), new Map());
    expect(images.map((image) => [image.id, image.leaf, image.placeholder, image.width, image.height])).toEqual([
      ['110020-l0', { number: 0, reverse: false }, true, 1000, 1400],
    ]);
    const [original, pyramid, ...tiles] = objects.map((o) => o.key);
    expect(original).toMatch(/^images\/110020\/l0\/[0-9a-f]{64}\.original\.svg$/);
    expect(pyramid).toMatch(/\.pyramid\.tif$/);
    // Then the tiles info.json declares, each stored once beside the pyramid.
    const [image] = images;
    if (!image) throw new Error('no image');
    expect(tiles).toHaveLength(declaredTiles(image).length);
    expect(new Set(tiles).size).toBe(tiles.length);
    for (const key of tiles) expect(key).toMatch(new RegExp(`^images/110020/l0/${image.sha256}\\.tiles/r\\d+/.+/0/default\\.jpg$`));
    expect(new TextDecoder().decode(objects[0]?.body)).toContain('The archive holds no scan of this document.');
  });

  it('makes one placeholder for the document, giving its Source, when the record has no archival reference', async () => {
    const record = await content();
    const { archival: _archival, ...source } = record.source;
    const note = 'Obtained and translated for CWIHP by Kathryn Weathersby.';
    const { images, objects } = await deriver.derive({ ...record, source: { ...source, citation: note, kind: 'note' } }, new Map());
    expect(images.map((image) => image.id)).toEqual(['110020-l0']);
    const svg = new TextDecoder().decode(objects[0]?.body);
    expect(svg).toContain('>Obtained and translated for CWIHP by Kathryn</text>');
    expect(svg).toContain('>Weathersby.</text>');
    const again = await deriver.derive({ ...record, source: { ...source, citation: note, kind: 'note' } }, new Map());
    expect(again.images).toEqual(images);
  });

  it('stores everything under the record images prefix with content-addressed names', async () => {
    const { objects } = await deriver.derive(await content(), new Map());
    for (const { key } of objects)
      expect(key).toMatch(
        /^images\/110020\/l\d+(ob)?\/[0-9a-f]{64}\.(pyramid\.tif|original\.svg|tiles\/r\d+\/(full|\d+,\d+,\d+,\d+)\/(max|\d+,\d+)\/0\/default\.jpg)$/,
      );
  });

  it('names the leaf in a scan it cannot read', async () => {
    await expect(deriver.derive(await content([{ number: 38, reverse: false }]), new Map([['38', new TextEncoder().encode('not an image')]]))).rejects.toThrow(
      /leaf 38 of record 110020/,
    );
  });
});

describe('the placeholder', () => {
  it('says that no scan is held and gives the leaf reference', async () => {
    const record = await content();
    if (!record.source.archival) throw new Error('no reference');
    const reference = leafReference(record.source.archival, { number: 37, reverse: true });
    expect(reference).toBe('APRF, f. 45, op. 1, d. 337, l. 37ob.');
    const svg = placeholderSvg(reference);
    expect(svg).toContain('No scan held');
    expect(svg).toContain('>APRF, f. 45, op. 1, d. 337, l. 37ob.</text>');
  });

  it('wraps a long Source of a document onto lines that fit the sheet, and cuts what does not fit', () => {
    const source = `${'Excerpted from a book whose citation runs on for a good while '.repeat(12)}end`;
    const lines = wrapText(source, 46, 8);
    expect(lines).toHaveLength(8);
    expect(lines.every((line) => line.length <= 46)).toBe(true);
    expect(lines[7]?.endsWith('…')).toBe(true);
    expect(wrapText('short one', 46, 8)).toEqual(['short one']);
    expect(wrapText('x'.repeat(50), 46, 8)).toEqual(['x'.repeat(46), 'xxxx']);
    const svg = documentPlaceholderSvg(source);
    expect(svg).toContain('The archive holds no scan of this document.');
    expect(svg.match(/<text /g)).toHaveLength(10);
  });

  it('escapes markup in the reference', () => {
    expect(placeholderSvg('A<B & "C"')).toContain('A&#60;B &#38; &#34;C&#34;');
  });

  it('renders the reference as dark text on the light sheet', async () => {
    const png = await sharp(Buffer.from(placeholderSvg('APRF, f. 45, op. 1, d. 337, l. 37')))
      .png()
      .toBuffer();
    const strip = async (top: number) => sharp(await sharp(png).extract({ left: 100, top, width: 800, height: 60 }).toBuffer()).stats();
    const line = await strip(760);
    const blank = await strip(1000);
    expect(line.channels[0]?.min).toBeLessThan(100);
    expect(blank.channels[0]?.min).toBeGreaterThan(200);
  });
});
