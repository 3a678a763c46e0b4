import { PROFILE_FIELDS } from '@sealbridge/contracts';
import type { ProfileField } from '@sealbridge/contracts';
import { ApiError, validationIssues } from './api-error.ts';

/** The personal-data registry names fields in snake_case; the profile API in camelCase. Both may appear in details. */
const REGISTRY_NAMES: Record<string, ProfileField> = {
  real_name: 'realName',
  mobile: 'mobile',
  email: 'email',
  wechat: 'wechat',
  id_number: 'idNumber',
  address: 'address',
};

/** The profile field a server-side name refers to (registry or wire spelling), or undefined. */
export function toProfileField(name: unknown): ProfileField | undefined {
  if (typeof name !== 'string') return undefined;
  if ((PROFILE_FIELDS as readonly string[]).includes(name)) return name as ProfileField;
  return Object.hasOwn(REGISTRY_NAMES, name) ? REGISTRY_NAMES[name] : undefined;
}

/**
 * The profile fields a failed call rejected, to mark them in a form: `details.fields` of a 422 INVALID_IDENTIFIER,
 * or the first path segment of each `details.issues` entry of a 422 VALIDATION_FAILED. Anything else: [].
 */
export function rejectedProfileFields(error: unknown): ProfileField[] {
  if (!(error instanceof ApiError)) return [];
  let names: unknown[] = [];
  if (error.code === 'INVALID_IDENTIFIER') {
    const fields = error.details?.['fields'];
    names = Array.isArray(fields) ? fields : [];
  } else if (error.code === 'VALIDATION_FAILED') {
    names = validationIssues(error).map((issue) => issue.path.split('.')[0]);
  }
  const out: ProfileField[] = [];
  for (const name of names) {
    const field = toProfileField(name);
    if (field && !out.includes(field)) out.push(field);
  }
  return out;
}
