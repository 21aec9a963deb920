import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voucherAssets } from '../../src/app/assets/asset-links.js';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Png {
  width: number;
  height: number;
}

/** Reads the size from the IHDR chunk, which PNG requires to come first. */
function readPng(bytes: Buffer): Png {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function fetchImage(url: string): Promise<{ png: Png; bytes: Buffer; headers: Headers }> {
  const answer = await fetch(url);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toBe('image/png');
  expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  const bytes = Buffer.from(await answer.arrayBuffer());
  return { png: readPng(bytes), bytes, headers: answer.headers };
}

async function expectNotFound(url: string): Promise<void> {
  const answer = await fetch(url);
  expect(answer.status).toBe(404);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  const body = loose(await answer.json());
  expect(body).toMatchObject({ code: 404, key: 'not_found', message: 'Resource not found' });
  expect(body.request_id).toMatch(/^v-/);
}

describe.each(TEST_DATABASES)('voucher QR code and barcode images on $name', (database) => {
  let server: TestServer;
  const signingKeyOf = async (project: TestProject): Promise<string> => {
    const stored = await server.store.projects.findById(project.id);
    if (!stored) throw new Error(`project ${project.id} is missing`);
    return stored.webhook_token;
  };
  const assetsFor = async (code: string, project: TestProject = server.project) =>
    voucherAssets(server.url, project.id, await signingKeyOf(project), code);

  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  it('serves a square QR code and a wide barcode without any key, cached for good', async () => {
    const assets = await assetsFor('SUMMER-2024');
    expect(assets.qr.url).toMatch(new RegExp(`^${server.url}/assets/qr/[\\w-]+\\.[\\w-]{43}$`));
    expect(assets.barcode.url).toMatch(new RegExp(`^${server.url}/assets/barcode/[\\w-]+\\.[\\w-]{43}$`));
    expect(assets.qr.id).toMatch(/^qr_[\w-]{24}$/);
    expect(assets.barcode.id).toMatch(/^barcode_[\w-]{24}$/);

    const qr = await fetchImage(assets.qr.url);
    expect(qr.png.width).toBe(qr.png.height);
    expect(qr.png.width).toBeGreaterThanOrEqual(150);
    const barcode = await fetchImage(assets.barcode.url);
    expect(barcode.png.width).toBeGreaterThan(barcode.png.height);
    expect(barcode.png.height).toBeGreaterThanOrEqual(50);
  });

  it('gives a code the same links and the same image every time, and another code other ones', async () => {
    const first = await assetsFor('SAME-CODE');
    const again = await assetsFor('SAME-CODE');
    expect(again).toEqual(first);
    expect((await fetchImage(again.qr.url)).bytes).toEqual((await fetchImage(first.qr.url)).bytes);
    const other = await assetsFor('OTHER-CODE');
    expect(other.qr.url).not.toBe(first.qr.url);
    expect(other.qr.id).not.toBe(first.qr.id);
    expect((await fetchImage(other.qr.url)).bytes).not.toEqual((await fetchImage(first.qr.url)).bytes);
  });

  it('draws a long code, whose token is longer than a path parameter may be', async () => {
    const assets = await assetsFor(`LONG-${'X'.repeat(400)}`);
    expect(assets.qr.url.split('/').pop()?.length).toBeGreaterThan(500);
    expect((await fetchImage(assets.qr.url)).png.width).toBeGreaterThan(200);
    expect((await fetchImage(assets.barcode.url)).png.width).toBeGreaterThan(1000);
  });

  it('draws a code beyond Latin-1 as a QR code, and refuses it as a barcode', async () => {
    const assets = await assetsFor('ZNIŻKA-ŁÓDŹ');
    await fetchImage(assets.qr.url);
    await expectNotFound(assets.barcode.url);
  });

  it('answers 404 in the error shape for a forged or malformed token', async () => {
    const genuine = await assetsFor('GENUINE');
    const token = genuine.qr.url.split('/').pop() ?? '';
    const [payload = '', signature = ''] = token.split('.');
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const otherPayload = (await assetsFor('FORGED')).qr.url.split('/').pop()?.split('.')[0] ?? '';
    const forgedTokens = [
      `${payload}.${flipped}`,
      `${otherPayload}.${signature}`,
      payload,
      `${payload}.`,
      'not-a-token',
      `${Buffer.from('{"p":1,"c":"X"}').toString('base64url')}.${signature}`,
      `${Buffer.from('not json').toString('base64url')}.${signature}`,
      `${token}.${signature}`,
    ];
    for (const forged of forgedTokens) {
      await expectNotFound(`${server.url}/assets/qr/${forged}`);
      await expectNotFound(`${server.url}/assets/barcode/${forged}`);
    }
    await expectNotFound(`${server.url}/assets/qr/${'A'.repeat(5000)}.${signature}`);
    await expectNotFound(`${server.url}/assets/qr/${token}/extra`);
  });

  it("refuses a token signed with another project's key", async () => {
    const otherKey = await signingKeyOf(server.otherProject);
    const crossed = voucherAssets(server.url, server.project.id, otherKey, 'CROSSED');
    await expectNotFound(crossed.qr.url);
    await expectNotFound(crossed.barcode.url);
    const mine = voucherAssets(server.url, server.otherProject.id, await signingKeyOf(server.project), 'CROSSED');
    await expectNotFound(mine.qr.url);
    const unknown = voucherAssets(server.url, 'proj_unknown', otherKey, 'CROSSED');
    await expectNotFound(unknown.qr.url);
  });

  it("stops serving a project's images once the project is deleted", async () => {
    const project = await server.createProject();
    const assets = await assetsFor('GONE-SOON', project);
    await fetchImage(assets.qr.url);
    await server.store.projects.delete(project.id);
    await expectNotFound(assets.qr.url);
  });
});
