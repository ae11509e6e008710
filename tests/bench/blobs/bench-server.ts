// The ERP side of the attachment benchmark, in its own process so the client's memory is its own:
// the blob endpoints of contract 2 as written (tests/fixtures/blobs) plus
// `PUT /bench/whole/{sha256}`, a plain whole-file upload for the naive contender, hashed on
// arrival as the ERP hashes a blob. Prints its URL as one JSON line.
import { createHash } from 'node:crypto';
import { startBlobHttpServer } from '../../fixtures/blobs/blob-server-http';

const TOKEN = process.argv[2] ?? 'bench-token';

const server = await startBlobHttpServer({
  token: TOKEN,
  limitBytes: 64 * 1024 * 1024,
  other(request, response) {
    const match = /^\/bench\/whole\/([0-9a-f]{64})$/.exec(request.url ?? '');
    if (!match || request.method !== 'PUT') {
      response.writeHead(404).end();
      return;
    }
    const hash = createHash('sha256');
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    request.on('end', () => {
      const ok = hash.digest('hex') === match[1];
      response
        .writeHead(ok ? 200 : 400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ complete: ok, size }));
    });
  },
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
