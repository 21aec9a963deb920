import type { FastifyInstance } from 'fastify';

/**
 * Voucherify's SDK sends `Content-Type: application/json` on every call, also on DELETE and on
 * POSTs without a body. Fastify would refuse those empty bodies; here they are simply no body.
 */
export function registerJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
