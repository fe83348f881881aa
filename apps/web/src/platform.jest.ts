import * as fs from 'node:fs';
import * as path from 'node:path';

type Catalogue = Record<string, unknown>;

const dir = path.join(__dirname, 'i18n', 'locales');
export const localeFiles: Record<string, Catalogue> = {};
for (const lng of fs.readdirSync(dir)) {
  for (const file of fs.readdirSync(path.join(dir, lng)).filter((f) => f.endsWith('.json'))) {
    localeFiles[`./i18n/locales/${lng}/${file}`] = JSON.parse(fs.readFileSync(path.join(dir, lng, file), 'utf8'));
  }
}

export const ORG_NAME = '';
