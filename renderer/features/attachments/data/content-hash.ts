/** The SHA-256 of a blob's content, lowercase hex (Web Crypto: the content key of contract 2). */
export async function sha256OfBlob(blob: Blob): Promise<string> {
  return sha256OfBytes(await blob.arrayBuffer());
}

export async function sha256OfBytes(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
