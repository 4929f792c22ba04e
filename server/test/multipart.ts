// Multipart bodies for the integration tests, built by hand so a test can also send broken ones.

export interface FormFile {
  field?: string;
  name: string;
  body: Buffer;
  type?: string;
}

/** A multipart/form-data body with text fields and files, and the matching content type. */
export function multipartForm(
  fields: Record<string, string>,
  files: FormFile[] = [],
  boundary = `----bioplan${Math.random().toString(16).slice(2)}`,
) {
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.body,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    boundary,
  };
}

/** A small file that file-type reads as PDF. */
export function pdfBytes(): Buffer {
  return Buffer.concat([
    Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n'),
    Buffer.alloc(200, 32),
    Buffer.from('\n%%EOF\n'),
  ]);
}
