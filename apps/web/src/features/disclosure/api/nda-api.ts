import { ZNdaCertificateResult, ZNdaTemplate, ZNdaTemplates } from '@sealbridge/contracts';
import type { TNdaTemplateInput } from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

export type TNdaKey = {
  algorithm: 'Ed25519';
  keyId: string;
  issuer: string;
  publicKeyPem: string;
  publicKeyRawBase64: string;
  context: string;
};
const ndaKey = (v: unknown): TNdaKey => {
  const o = v as Partial<TNdaKey> | null;
  if (!o || o.algorithm !== 'Ed25519' || typeof o.keyId !== 'string' || typeof o.publicKeyPem !== 'string')
    throw new TypeError('not a key');
  return {
    algorithm: 'Ed25519',
    keyId: o.keyId,
    issuer: String(o.issuer ?? ''),
    publicKeyPem: o.publicKeyPem,
    publicKeyRawBase64: String(o.publicKeyRawBase64 ?? ''),
    context: String(o.context ?? ''),
  };
};

/** NDA templates (nda.manage) and the public certificate check. */
export const ndaApi = {
  templates: (signal?: AbortSignal) => apiRequest('/api/staff/nda/templates', (v) => ZNdaTemplates.parse(v), { signal }),
  draft: (body: TNdaTemplateInput) => apiRequest('/api/staff/nda/templates', (v) => ZNdaTemplate.parse(v), { method: 'POST', body }),
  edit: (version: number, body: TNdaTemplateInput) =>
    apiRequest(`/api/staff/nda/templates/${version}`, (v) => ZNdaTemplate.parse(v), { method: 'PUT', body }),
  publish: (version: number) =>
    apiRequest(`/api/staff/nda/templates/${version}/publish`, (v) => ZNdaTemplate.parse(v), { method: 'POST', body: {} }),
  verifyCertificate: (pdfBase64: string) =>
    apiRequest('/api/nda/certificates/verify', (v) => ZNdaCertificateResult.parse(v), { method: 'POST', body: { pdfBase64 } }),
  key: (signal?: AbortSignal) => apiRequest('/api/nda/key', ndaKey, { signal }),
};
