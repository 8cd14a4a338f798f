/**
 * The archive profile is read for every ingest, by the running local server too: a repository
 * abbreviation added to the profile while the server runs applies to the next ingest, without a
 * restart, whether the ingest brings the profile (the CLI sends the one named by `--profile`) or
 * the server reads its own file. On the real local stack: emulators in memory, a temporary data
 * directory, a random port.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../functions/local/start-service.ts';
import { remoteAdmin } from '../../functions/operator/remote-admin.ts';
import type { ArchiveProfile } from '../../schemas/archive-profile.ts';
import { buildExport } from '../support/export-builder.ts';
import { ARCHIVE_PROFILE, repoPath } from '../support/fixtures.ts';

/** A repository the archive's profile does not know (made up). */
const ZGA = { abbreviation: 'ZGA', name: 'Zemlyansk Regional State Archive', place: 'Zemlyansk' };
const TOKEN = 'profile-test-token-0123456789abcdef';

let root: string;
let serverProfilePath: string;
let baseProfile: ArchiveProfile;
let service: RunningService;

const withZga = (profile: ArchiveProfile): ArchiveProfile => ({ ...profile, repositories: [...profile.repositories, ZGA] });
const exportCitingZga = (id: string) => Buffer.from(buildExport({ fields: { 'Record ID': id, Source: 'ZGA, f. 12, op. 3, d. 45, ll. 6-7.' } }));

async function recordJson(id: string): Promise<{ version: number; source: { kind: string; archival?: { repository: { name: string } } } }> {
  const res = await fetch(`${service.url}/records/${id}.json`);
  expect(res.status).toBe(200);
  return (await res.json()) as never;
}

/** The ingest CLI, as a separate process (the server must keep answering while it runs). */
function cli(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', repoPath('functions/operator/cli.ts'), ...args], {
      cwd: repoPath('.'),
      env: { ...process.env, DATA_DIR: service.config.dataDir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'archive-profile-'));
  await mkdir(join(root, 'seed'));
  await mkdir(join(root, 'exports'));
  baseProfile = JSON.parse(await readFile(ARCHIVE_PROFILE, 'utf8')) as ArchiveProfile;
  serverProfilePath = join(root, 'server-archive.json');
  await writeFile(serverProfilePath, JSON.stringify(baseProfile));
  service = await startService(
    { PORT: '0', DATA_DIR: join(root, 'data'), INGEST_API_TOKEN: TOKEN },
    { inMemory: true, seedDir: join(root, 'seed'), archiveProfilePath: serverProfilePath, log: () => {} },
  );
});
afterAll(async () => {
  await service?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the archive profile, read per ingest by the running server', () => {
  it('applies a repository added to the server’s own profile file to the next ingest, without a restart', async () => {
    // A client that sends no profile (curl, the bench): the server reads its own file for each ingest.
    const admin = remoteAdmin(service.url, TOKEN);
    const input = { fileName: '300001.txt', exportBytes: exportCitingZga('300001') };
    const before = await admin.ingest(input);
    expect(before.status).not.toBe('rejected');
    expect((await recordJson('300001')).source.archival).toBeUndefined();

    await writeFile(serverProfilePath, JSON.stringify(withZga(baseProfile)));
    expect(await admin.ingest(input)).toMatchObject({ status: 'updated', id: '300001', version: 2 });
    const after = await recordJson('300001');
    expect(after.source.kind).toBe('archival-reference');
    expect(after.source.archival?.repository.name).toBe(ZGA.name);
  });

  it('answers a problem naming the file, and writes nothing, when its own profile file is broken', async () => {
    await writeFile(serverProfilePath, '{ "publisher": ');
    const outcome = await remoteAdmin(service.url, TOKEN).ingest({ fileName: '300002.txt', exportBytes: exportCitingZga('300002') });
    expect(outcome.status).toBe('rejected');
    expect(JSON.stringify(outcome)).toContain(serverProfilePath);
    expect((await fetch(`${service.url}/records/300002.json`)).status).toBe(404);
    await writeFile(serverProfilePath, JSON.stringify(baseProfile));
  });

  it('reads the exports with the CLI’s --profile, sent with each ingest, not the server’s file', async () => {
    const exportPath = join(root, 'exports', '300003.txt');
    await writeFile(exportPath, exportCitingZga('300003'));
    const cliProfile = join(root, 'elsewhere-archive.json');
    await writeFile(cliProfile, JSON.stringify(withZga(baseProfile)));

    const { code, out } = await cli(exportPath, '--profile', cliProfile);
    expect(code).toBe(0);
    expect(out).toContain(`into the running local server at ${service.url}, with the archive profile ${cliProfile}`);
    expect(out).toMatch(/created\s+\S*300003\.txt -> record 300003 v1/);
    expect((await recordJson('300003')).source.archival?.repository.name).toBe(ZGA.name);

    // The server's own file still lacks ZGA: a client that sends no profile gets it unparsed.
    await remoteAdmin(service.url, TOKEN).ingest({ fileName: '300004.txt', exportBytes: exportCitingZga('300004') });
    expect((await recordJson('300004')).source.archival).toBeUndefined();
  }, 60_000);

  it('stops the CLI before any ingest when its --profile is not a valid profile, naming the file and the problem', async () => {
    const broken = join(root, 'broken-archive.json');
    await writeFile(broken, JSON.stringify({ ...baseProfile, originalUrlTemplate: 'https://example.org/no-id-here' }));
    const exportPath = join(root, 'exports', '300005.txt');
    await writeFile(exportPath, exportCitingZga('300005'));
    const { code, err } = await cli(exportPath, '--profile', broken);
    expect(code).toBe(1);
    expect(err).toContain(`${broken} is not a valid archive profile: originalUrlTemplate`);
    expect((await fetch(`${service.url}/records/300005.json`)).status).toBe(404);
  }, 60_000);

  it('refuses an ingest request whose profile is not a valid profile, naming the problem', async () => {
    const res = await fetch(`${service.url}/admin/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        fileName: '300006.txt',
        export: exportCitingZga('300006').toString('base64'),
        profile: { ...baseProfile, repositories: [{ abbreviation: 'ZGA' }] },
      }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('profile.repositories.0.name');
  });

  it('lists every problem of a malformed export ingested through the server, each with its line', async () => {
    const outcome = await remoteAdmin(service.url, TOKEN, { profile: baseProfile }).ingest({
      fileName: 'bad.txt',
      exportBytes: Buffer.from(buildExport({ omit: ['body', 'Rights', 'Record ID'] })),
    });
    expect(outcome.status).toBe('rejected');
    const problems = outcome.status === 'rejected' ? outcome.problems : [];
    expect(problems.map((p) => p.field)).toEqual(['body', 'Record ID', 'Rights']);
    for (const problem of problems) expect(problem.line).toBeGreaterThan(0);
  });
});
