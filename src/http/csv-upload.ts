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
  if (!file || file.fieldname !== 'file') {
    throw new AppError('missing_param', { details: 'The multipart field "file" is required' });
  }
  const content = await file.toBuffer();
  return content.toString('utf8');
}
