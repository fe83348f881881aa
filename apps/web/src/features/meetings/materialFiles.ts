import { MATERIAL_MAX_BYTES, MATERIAL_MIME_TYPES } from '@xieshang/contracts';

/** Extensions the office may attach (what the api's MIME list and content check accept). */
export const MATERIAL_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'png', 'jpg', 'jpeg', 'txt'] as const;
export const MATERIAL_ACCEPT = MATERIAL_EXTENSIONS.map((e) => `.${e}`).join(',');
export const MATERIAL_MAX_MB = Math.round(MATERIAL_MAX_BYTES / (1024 * 1024));

export type MaterialProblem = 'tooLarge' | 'wrongType' | 'empty';

/** The same limits the api enforces, checked before the upload starts. */
export function materialProblem(file: File): MaterialProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > MATERIAL_MAX_BYTES) return 'tooLarge';
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  const extOk = (MATERIAL_EXTENSIONS as readonly string[]).includes(ext);
  const mimeOk = !file.type || (MATERIAL_MIME_TYPES as readonly string[]).includes(file.type);
  return extOk && mimeOk ? null : 'wrongType';
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(v)} ${units[u]}`;
}
