/**
 * Everything that needs Vite's compile-time features lives here, so Jest can swap this one
 * module for platform.jest.ts (see jest.config.js).
 */
type Catalogue = Record<string, unknown>;

const files = import.meta.glob<Catalogue>('./i18n/locales/*/*.json', { eager: true, import: 'default' });

/** Locale files keyed by path, e.g. `./i18n/locales/en/errors.json`. */
export const localeFiles: Record<string, Catalogue> = files;

/** Organisation name shown in the header; set VITE_ORG_NAME at build time. */
export const ORG_NAME: string = import.meta.env.VITE_ORG_NAME ?? '';
