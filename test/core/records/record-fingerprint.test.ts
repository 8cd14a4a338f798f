/**
 * A change to what these crosswalks write must come with a new DISSEMINATION_VERSION, so that
 * re-ingest gives every record a new datestamp and harvesters fetch it again. This test notices
 * the change; it says nothing about correctness (the schema tests do).
 */
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { buildDctermsJsonLd } from '../../../functions/core/dc/build-dcterms-jsonld.ts';
import { buildDctermsRdf } from '../../../functions/core/dc/build-dcterms-rdf.ts';
import { buildOaiDc } from '../../../functions/core/dc/build-oai-dc.ts';
import { buildMarcRecord } from '../../../functions/core/marc/build-marcxml.ts';
import { buildMods } from '../../../functions/core/mods/build-mods.ts';
import { DISSEMINATION_VERSION } from '../../../functions/core/records/record-fingerprint.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import { serializeXml } from '../../../functions/core/xml/xml-tree.ts';
import { record110020, TEST_BASE_URL } from '../../support/fixtures.ts';

/** Output digest of the DC, DCMI Terms, MODS and MARCXML crosswalks for 110020, per dissemination version. */
const DIGESTS: { [version: number]: string } = {
  1: '312851c45c14a3abbcb1c7b9bf6f6b3dddf48db0f9b00c1ca11655fa26266924',
  // 2: translators and contributors in the manifest, landing page, schema.org and RIS; the
  // reference without its credits as MODS shelfLocator and MARC 852 $z; catalogers' records (MARC
  // 003/040, leader and 008 by the Source's kind, ISBD punctuation, non-filing 245 and MODS nonSort,
  // one 540 per rights paragraph, 337/338, 524, 546, 588, the same heading in 100 and 600; MODS
  // source note, preferred citation and language notes).
  2: 'c82e0b701e105cf37dbea00af892c79fedd7741b3d70f61e4ae3087bb47e6676',
  // 3: the manifest declares its Content Search services (these crosswalks are unchanged).
  3: 'c82e0b701e105cf37dbea00af892c79fedd7741b3d70f61e4ae3087bb47e6676',
};

it('changes the crosswalk output only together with DISSEMINATION_VERSION', async () => {
  const record = await record110020();
  const urls = serviceUrls(TEST_BASE_URL);
  const outputs = [
    serializeXml(buildOaiDc(record, urls)),
    JSON.stringify(buildDctermsJsonLd(record, urls)),
    serializeXml(buildDctermsRdf(record, urls)),
    serializeXml(buildMods(record, urls)),
    serializeXml(buildMarcRecord(record, urls)),
  ];
  const digest = createHash('sha256').update(outputs.join('\u0000')).digest('hex');
  expect(digest, `crosswalk output changed: bump DISSEMINATION_VERSION and record ${digest} for it here`).toBe(DIGESTS[DISSEMINATION_VERSION]);
});
