import type { FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';

/** The text of the `file` field of a multipart CSV upload, as the SDK's importCSV methods send it. */
export async function readCsvUpload(request: FastifyRequest): Promise<string> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', {
      details: 'Send the CSV as multipart/form-data in the field "file"',
    });
  }
  const file = await request.file();
  if (file?.fieldname !== 'file') {
    throw new AppError('missing_param', { details: 'The multipart field "file" is required' });
  }
  const text = (await file.toBuffer()).toString('utf8');
  // PostgreSQL text cannot hold NUL; a CSV carrying one is refused whole, on every database alike.
  if (text.includes('\u0000')) {
    throw new AppError('invalid_csv_file', { details: 'The file contains a NUL character' });
  }
  return text;
}
