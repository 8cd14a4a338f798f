/**
 * The official IIIF Image API validator on the Image API 2.1 syntax of the same service
 * (docs/adr/0015-iiif-2-for-legacy-clients.md), over the same fixture as the 3.0 run: level 2,
 * and the tests of the features the 2.1 info.json claims in its profile.
 *
 * Known validator limitation: its tests are tagged by version, and `--version=2.1` selects only
 * the one tagged 2.1 (`region_square`), then builds 1.x-style URLs for it (quality `native`,
 * which 2.x no longer has). Its 2.x suite is tagged `2.0`, whose request syntax 2.1 keeps, so
 * level 2 is run at `--version=2.0`, and `regionSquare` (which 2.1 added) is checked here directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailures, IMAGE_ID, startValidatorService, type ValidatorService } from '../support/image-validator.ts';

const PREFIX = 'iiif/image/2';

/** The validator's tests of the optional 2.1 features the profile's `supports` lists. */
const SUPPORTS_TESTS: { [feature: string]: string[] } = {
  mirroring: ['rot_mirror', 'rot_mirror_180'],
  sizeAboveFull: ['size_up'],
  canonicalLinkHeader: ['linkheader_canonical'],
  profileLinkHeader: ['linkheader_profile'],
};
const FORMAT_TESTS: { [format: string]: string[] } = { webp: ['format_webp'] };

type Info2 = { '@id': string; width: number; height: number; profile: [string, { supports: string[]; formats: string[] }] };

let fixture: ValidatorService;
const info = async () => (await (await fetch(`${fixture.service.url}/${PREFIX}/${IMAGE_ID}/info.json`)).json()) as Info2;

beforeAll(async () => {
  fixture = await startValidatorService();
}, 120_000);

afterAll(async () => {
  await fixture?.close();
});

describe('the IIIF Image API validator on the 2.1 service', () => {
  it('passes level 2 of the 2.x suite without a failure', async () => {
    const report = await fixture.validate(PREFIX, '2.0', ['--level', '2', '-v']);
    expect(report.summary, report.run.stderr).toBeDefined();
    expect(report.tests.length).toBeGreaterThanOrEqual(30);
    expect(describeFailures(report)).toEqual([]);
    expect(report.summary).toBe(`Done (${report.tests.length} tests, 0 failures)`);
  }, 60_000);

  it('passes the tests of the features and formats its profile claims', async () => {
    const [, description] = (await info()).profile;
    const claimed = description.supports.filter((feature) => feature !== 'regionSquare');
    expect(claimed.filter((feature) => !(feature in SUPPORTS_TESTS))).toEqual([]);
    const tests = [...claimed.flatMap((feature) => SUPPORTS_TESTS[feature] ?? []), ...description.formats.flatMap((format) => FORMAT_TESTS[format] ?? [])];
    expect(tests.length).toBeGreaterThanOrEqual(5);
    const report = await fixture.validate(PREFIX, '2.0', [...tests.flatMap((t) => ['--test', t]), '-v']);
    expect(describeFailures(report)).toEqual([]);
    expect(report.tests.map((t) => t.name).sort()).toEqual([...tests].sort());
  }, 60_000);

  it('serves the square region it claims (regionSquare): the centred square of the image', async () => {
    const [, description] = (await info()).profile;
    expect(description.supports).toContain('regionSquare');
    const square = await fetch(`${fixture.service.url}/${PREFIX}/${IMAGE_ID}/square/full/0/default.png`);
    expect(square.status).toBe(200);
    // The test image is square, so its square region is the whole image, and canonically `full`.
    expect(square.headers.get('Link')).toContain(`/${PREFIX}/${IMAGE_ID}/full/full/0/default.png>;rel="canonical"`);
  });
});
