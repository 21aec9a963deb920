import type { FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';

/**
 * Failures of the multipart parser itself (no boundary, a body cut short) carry no status: they
 * are the client's malformed body, so they become a 400 instead of reaching the error handler as
 * a 500. The plugin's own errors (file too large, too many files) keep their status.
 */
function asClientError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof Error && typeof (error as { statusCode?: unknown }).statusCode !== 'number') {
    return new AppError('invalid_payload', { details: `Malformed multipart body: ${error.message}` });
  }
  return error;
}

async function readFileField(request: FastifyRequest): Promise<{ fieldname: string; text: string } | undefined> {
  try {
    const file = await request.file();
    if (!file) return undefined;
    return { fieldname: file.fieldname, text: (await file.toBuffer()).toString('utf8') };
  } catch (error) {
    throw asClientError(error);
  }
}

/** The text of the `file` field of a multipart CSV upload, as the SDK's importCSV methods send it. */
export async function readCsvUpload(request: FastifyRequest): Promise<string> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', {
      details: 'Send the CSV as multipart/form-data in the field "file"',
    });
  }
  const file = await readFileField(request);
  if (file?.fieldname !== 'file') {
    throw new AppError('missing_param', { details: 'The multipart field "file" is required' });
  }
  const { text } = file;
  // PostgreSQL text cannot hold NUL; a CSV carrying one is refused whole, on every database alike.
  if (text.includes('\u0000')) {
    throw new AppError('invalid_csv_file', { details: 'The file contains a NUL character' });
  }
  return text;
}
